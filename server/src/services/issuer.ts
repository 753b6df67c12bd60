import { EventEmitter } from 'events';
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import {
  createClearonClient,
  thawIssueBody,
  type ClearonClient,
  type IssueCouponInput,
  type IssueOutcome,
} from '../clearon';
import { createDbClock } from '../utils/db-clock';
import { describeError } from '../utils/describe-error';
import { getPluginConfig } from '../utils/get-plugin-config';
import { getService } from '../utils/get-service';
import { pluginNetworkGuard } from '../utils/plugin-network-guard';
import { UID } from '../utils/plugin-id';
import type { ResolvedTarget } from './integrations';
import { createCircuit } from './issuer-circuit';
import { epochOf, planResult, type Result } from './issuer-record';

const TABLE = 'clearon_coupons';
const TARGET_CACHE_MS = 2_000;

export interface ClaimedCoupon {
  id: number;
  reference: string;
  couponCode: string;
  validityDays: number;
  channel: 'email' | 'sms' | 'none';
  campaignDocumentId: string | null;
  attempts: number;
  status: string;
  leaseOwner: string | null;
  participation: { email: string | null; phone: string | null; firstName: string | null } | null;
  integration: { documentId: string } | null;
  /** When the coupon was written, and when an admin last retried it: its retry time runs from these. */
  createdAt?: string | Date | number | null;
  retriedAt?: string | Date | number | null;
  /** The ClearOn body frozen when the coupon was written (null: built from the coupon's data). */
  requestBody?: string | null;
  incompleteAnswers?: number | null;
  /** Sent as its integration's circuit probe. */
  probe?: boolean;
}

/** A database error is logged by its code and query name only (see utils/describe-error). */
export { describeError };

/** What a worker wrote for a coupon, as the coupons service reads it. */
export interface SettledCoupon {
  status: 'issued' | 'pending' | 'failed' | 'dead' | 'needs_attention';
  code?: string | null;
  redeemUrl?: string | null;
  expiresAt?: string | null;
  lastError?: string | null;
}

/**
 * The outbox worker: claims due pending coupons with a lease (SKIP LOCKED where the database has
 * it), asks ClearOn for each, records the result. Every Strapi instance runs one; the lease and
 * ClearOn's idempotency on `reference` keep a coupon from being issued twice.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const settled = new EventEmitter();
  settled.setMaxListeners(0);
  const pausedUntil = new Map<string, number>();
  let client: ClearonClient = createClearonClient({ network: pluginNetworkGuard(strapi) });
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let ticking = false;
  let tickAgain = false;
  let inFlight = 0;
  // Slots taken by issueNow() while it claims its coupon: counted so that a burst of submits cannot
  // overshoot worker.concurrency during the claim's round trip.
  let reserved = 0;
  const busy = () => inFlight + reserved;
  const counts = { issued: 0, retried: 0, failed: 0, dead: 0, attention: 0, parked: 0 };
  const inFlightDone = new Set<Promise<void>>();

  const config = () => getPluginConfig(strapi).worker;
  const knex = () => strapi.db.connection;
  const supportsSkipLocked = () => strapi.db.dialect.client !== 'sqlite';
  // Leases, retry times and circuits are on the database's clock, not this instance's.
  const clock = createDbClock(strapi);
  const circuit = createCircuit(strapi, clock);

  const dueQuery = (trx: typeof strapi.db.connection) =>
    trx(TABLE)
      .where('status', 'pending')
      .andWhere((q) => q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', clock.now()))
      .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<', clock.now()));

  const claim = async (limit: number): Promise<number[]> => {
    const leaseUntil = clock.plus(config().leaseMs);
    return knex().transaction(async (trx) => {
      let select = dueQuery(trx)
        .select('id')
        .orderBy('next_attempt_at', 'asc')
        .orderBy('id', 'asc')
        .limit(limit);
      if (supportsSkipLocked()) select = select.forUpdate().skipLocked();
      const ids = (await select).map((row: { id: number }) => row.id);
      if (ids.length === 0) return [];
      // The WHERE repeats the due conditions so that, without row locks (SQLite), a row taken by
      // another transaction in between is not taken twice.
      await dueQuery(trx)
        .whereIn('id', ids)
        .update({ lease_owner: owner, lease_until: leaseUntil });
      const taken = await trx(TABLE).select('id').whereIn('id', ids).where('lease_owner', owner);
      return taken.map((row: { id: number }) => row.id);
    });
  };

  /** The relation's join table as Strapi named it: { name, joinColumn, inverseJoinColumn }. */
  const joinTable = (attribute: 'participation' | 'integration') => {
    const meta = strapi.db.metadata.get(UID.coupon).attributes[attribute] as unknown as {
      joinTable: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
      };
    };
    const { name, joinColumn, inverseJoinColumn } = meta.joinTable;
    return { name, from: joinColumn.name, to: inverseJoinColumn.name };
  };

  /**
   * The claimed coupons with their recipient and integration, in one query for the whole batch
   * (one Strapi findOne with populate per coupon cost three queries each, on SQLite's single
   * connection, in the issuing loop).
   */
  const loadClaimed = async (ids: number[]): Promise<ClaimedCoupon[]> => {
    if (ids.length === 0) return [];
    const toParticipation = joinTable('participation');
    const toIntegration = joinTable('integration');
    const rows = (await knex()(`${TABLE} as c`)
      .leftJoin(`${toParticipation.name} as pl`, `pl.${toParticipation.from}`, 'c.id')
      .leftJoin('clearon_participations as p', 'p.id', `pl.${toParticipation.to}`)
      .leftJoin(`${toIntegration.name} as il`, `il.${toIntegration.from}`, 'c.id')
      .leftJoin('clearon_integrations as i', 'i.id', `il.${toIntegration.to}`)
      .whereIn('c.id', ids)
      .andWhere('c.lease_owner', owner)
      .andWhere('c.status', 'pending')
      .select(
        'c.id',
        'c.reference',
        'c.coupon_code',
        'c.validity_days',
        'c.channel',
        'c.campaign_document_id',
        'c.attempts',
        'c.status',
        'c.lease_owner',
        'c.created_at',
        'c.retried_at',
        'c.request_body',
        'c.incomplete_answers',
        'p.id as participation_id',
        'p.email',
        'p.phone',
        'p.first_name',
        'i.document_id as integration_document_id'
      )) as Array<Record<string, unknown>>;
    return rows.map((row) => ({
      id: Number(row.id),
      reference: row.reference as string,
      couponCode: row.coupon_code as string,
      validityDays: Number(row.validity_days),
      channel: row.channel as ClaimedCoupon['channel'],
      campaignDocumentId: (row.campaign_document_id as string | null) ?? null,
      attempts: Number(row.attempts ?? 0),
      status: row.status as string,
      leaseOwner: row.lease_owner as string,
      participation:
        row.participation_id == null
          ? null
          : {
              email: (row.email as string | null) ?? null,
              phone: (row.phone as string | null) ?? null,
              firstName: (row.first_name as string | null) ?? null,
            },
      integration: row.integration_document_id
        ? { documentId: row.integration_document_id as string }
        : null,
      createdAt: row.created_at as ClaimedCoupon['createdAt'],
      retriedAt: row.retried_at as ClaimedCoupon['retriedAt'],
      requestBody: (row.request_body as string | null) ?? null,
      incompleteAnswers: Number(row.incomplete_answers ?? 0),
    }));
  };

  /**
   * Claims one known coupon with a single conditional UPDATE (no transaction): the WHERE repeats the
   * due conditions, so a coupon leased meanwhile by another worker is not taken.
   */
  const claimOne = async (id: number, due = true): Promise<number[]> => {
    // A circuit's probe takes a parked coupon before its time: only the lease must be free.
    const query = due
      ? dueQuery(knex())
      : knex()(TABLE)
          .where('status', 'pending')
          .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<', clock.now()));
    const updated = await query
      .where('id', id)
      .update({ lease_owner: owner, lease_until: clock.plus(config().leaseMs) });
    return Number(updated) === 1 ? [id] : [];
  };

  /**
   * Results are written by group commit: the results that come in while a write is under way go
   * together in the next transaction (one commit, one fsync, for up to a whole worker's worth).
   * Each is written only while this worker still holds its lease.
   */
  type Pending = {
    id: number;
    data: Record<string, unknown>;
    /** An issued answer is written whoever holds the lease now (not over an erasure). */
    anyLease?: boolean;
    resolve: (written: boolean) => void;
    reject: (error: unknown) => void;
  };
  let toWrite: Pending[] = [];
  let writing = false;

  const writeResults = async () => {
    if (writing || toWrite.length === 0) return;
    writing = true;
    const batch = toWrite;
    toWrite = [];
    try {
      const written = await knex().transaction(async (trx) => {
        const counts: boolean[] = [];
        for (const { id, data, anyLease } of batch) {
          const where = anyLease
            ? trx(TABLE)
                .where('id', id)
                .whereNot('status', 'issued')
                .whereNot((q) => q.where('status', 'failed').andWhere('last_error_code', 'erased'))
            : trx(TABLE).where({ id, lease_owner: owner });
          const updated = await where.update({
            ...data,
            lease_owner: null,
            lease_until: null,
            updated_at: new Date(),
          });
          counts.push(Number(updated) === 1);
        }
        return counts;
      });
      batch.forEach((item, i) => item.resolve(written[i]));
    } catch (error) {
      batch.forEach((item) => item.reject(error));
    } finally {
      writing = false;
      void writeResults();
    }
  };

  const finish = (id: number, data: Record<string, unknown>, anyLease = false) =>
    new Promise<boolean>((resolve, reject) => {
      toWrite.push({ id, data, anyLease, resolve, reject });
      void writeResults();
    });

  const classify = (outcome: IssueOutcome): Result => {
    switch (outcome.kind) {
      case 'issued':
        return { status: 'issued', outcome };
      case 'retryable':
        return {
          status: 'retry',
          code: outcome.code,
          reason: outcome.reason,
          delayMs: outcome.retryAfterMs,
        };
      case 'permanent':
        return { status: 'failed', code: outcome.code, reason: outcome.reason };
      default:
        return {
          status: 'failed',
          code: 'unexpected_response',
          reason: 'ClearOn answered a dry run to a real request',
        };
    }
  };

  // Resolved integrations (row read and API key decrypted) are kept for TARGET_CACHE_MS: issuing
  // reads them for every coupon. An edited integration is used within that time.
  const targets = new Map<string, { at: number; target: ResolvedTarget | null }>();
  const resolveTarget = async (documentId: string | null) => {
    const key = documentId ?? '';
    const hit = targets.get(key);
    if (hit && Date.now() - hit.at < TARGET_CACHE_MS) return hit.target;
    const target = await getService(strapi, 'integrations').resolveTarget(documentId);
    targets.set(key, { at: Date.now(), target });
    return target;
  };

  const attempt = async (coupon: ClaimedCoupon): Promise<Result> => {
    const integrations = getService(strapi, 'integrations');
    let target: Awaited<ReturnType<typeof integrations.resolveTarget>>;
    try {
      target = await resolveTarget(coupon.integration?.documentId ?? null);
    } catch (error) {
      if ((error as Error).name !== 'SecretBoxError') throw error;
      return {
        status: 'failed',
        code: 'key_unreadable',
        reason:
          "The integration's API key cannot be decrypted (was CLEARON_ENCRYPTION_KEY changed?): enter the key again, then retry",
      };
    }
    if (!target) {
      return {
        status: 'failed',
        code: 'no_integration',
        reason: 'No ClearOn integration is configured',
      };
    }
    if (!target.enabled) {
      return {
        status: 'failed',
        code: 'integration_disabled',
        reason: `The ClearOn integration "${target.name}" is disabled`,
      };
    }
    const paused = pausedUntil.get(target.documentId) ?? 0;
    if (paused > Date.now()) {
      return {
        status: 'retry',
        code: 'rate_limited',
        reason: "Waiting for ClearOn's Retry-After",
        delayMs: paused - Date.now(),
      };
    }
    const gate = coupon.probe ? 'probe' : await circuit.gate(target.documentId);
    if (gate === 'wait') return circuitWait(target);
    const outcome = await client.issue(target, await requestOf(coupon));
    // A database hiccup here must not lose an issued answer: the circuit is told next time.
    const open = await circuit.record(target.documentId, outcome).catch((error: unknown) => {
      strapi.log.warn(`[clearon] circuit not updated: ${describeError(error, 'issuer.circuit')}`);
      return false;
    });
    if (open && outcome.kind === 'retryable' && outcome.code !== 'rate_limited') {
      if (gate === 'send') {
        strapi.log.warn(
          `[clearon] integration ${target.documentId}: circuit open (${outcome.reason})`
        );
      }
      return circuitWait(target);
    }
    if (outcome.kind === 'retryable' && outcome.code === 'rate_limited' && outcome.retryAfterMs) {
      pausedUntil.set(target.documentId, Date.now() + outcome.retryAfterMs);
    }
    if (outcome.kind === 'permanent' && outcome.code === 'unauthorized') {
      await integrations
        .recordCheck(target.documentId, 'failing', outcome.reason)
        .catch(() => undefined);
    }
    return classify(outcome);
  };

  const circuitWait = (target: ResolvedTarget): Result => ({
    status: 'wait',
    integration: target.documentId,
    reason: `ClearOn is unreachable: waiting for it to answer a probe (one every ${Math.round(
      config().circuit.probeIntervalMs / 1000
    )} s)`,
  });

  /** The frozen request of the coupon; built from its data for a coupon written before bodies were. */
  const requestOf = async (coupon: ClaimedCoupon): Promise<IssueCouponInput> =>
    thawIssueBody(coupon.requestBody) ?? {
      couponCode: coupon.couponCode,
      validityDays: coupon.validityDays,
      delivery: coupon.channel,
      recipient: {
        ...(coupon.participation?.email ? { email: coupon.participation.email } : {}),
        ...(coupon.participation?.phone ? { phone: coupon.participation.phone } : {}),
        ...(coupon.participation?.firstName ? { firstName: coupon.participation.firstName } : {}),
      },
      reference: coupon.reference,
      campaign: {
        id: coupon.campaignDocumentId ?? '',
        name: await campaignName(coupon.campaignDocumentId),
      },
    };

  const campaignNames = new Map<string, string>();
  const campaignName = async (documentId: string | null) => {
    if (!documentId) return '';
    if (!campaignNames.has(documentId)) {
      const campaign = await getService(strapi, 'campaigns').findForParticipation(documentId);
      campaignNames.set(documentId, campaign?.title ?? '');
    }
    return campaignNames.get(documentId) ?? '';
  };

  const record = async (coupon: ClaimedCoupon, result: Result): Promise<SettledCoupon | null> => {
    if (result.status === 'issued') {
      const issued = result.outcome.coupon;
      const expiresAt = issued.expiresAt ? new Date(issued.expiresAt) : null;
      // Written even when this worker's lease ran out meanwhile: ClearOn made this coupon.
      const written = await finish(
        coupon.id,
        {
          status: 'issued',
          attempts: coupon.attempts + 1,
          last_error: null,
          last_error_code: null,
          clearon_coupon_id: issued.couponId,
          code: issued.code,
          redeem_url: issued.redeemUrl,
          expires_at: expiresAt,
          issued_at: new Date(),
        },
        true
      );
      if (!written) return null;
      counts.issued += 1;
      return {
        status: 'issued',
        code: issued.code,
        redeemUrl: issued.redeemUrl,
        expiresAt: expiresAt && !Number.isNaN(expiresAt.getTime()) ? expiresAt.toISOString() : null,
        lastError: null,
      };
    }
    const startedAt = epochOf(coupon.retriedAt) ?? epochOf(coupon.createdAt);
    const plan = planResult(
      { attempts: coupon.attempts, incompleteAnswers: coupon.incompleteAnswers, startedAt },
      result,
      config(),
      await clock.approxNow()
    );
    if (plan.kind === 'park') {
      const parked = await circuit.park(
        coupon.id,
        owner,
        result.status === 'wait' ? result.integration : '',
        new Date(plan.until),
        plan.reason
      );
      if (parked) {
        counts.parked += 1;
        return { status: 'pending', lastError: plan.reason };
      }
      // The circuit closed meanwhile: due again at once.
      const released = await finish(coupon.id, { next_attempt_at: clock.now() });
      return released ? { status: 'pending', lastError: plan.reason } : null;
    }
    const written = await finish(coupon.id, {
      ...plan.data,
      ...(plan.delayMs !== undefined ? { next_attempt_at: clock.plus(plan.delayMs) } : {}),
    });
    // Counted only when this worker still held the lease and wrote the result.
    if (written) counts[plan.recorded] += 1;
    strapi.log.warn(
      `[clearon] coupon ${coupon.id}: ${plan.status} (${plan.data.last_error_code}): ${plan.lastError}`
    );
    return written ? { status: plan.status, lastError: plan.lastError } : null;
  };

  /**
   * One coupon: the ClearOn call, then its result. The worker slot is released as soon as ClearOn
   * has answered (`release`), so that the next claim overlaps the write of this result.
   */
  const processCoupon = async (coupon: ClaimedCoupon, release: () => void) => {
    let state: SettledCoupon | null = null;
    try {
      let result: Result;
      try {
        result = await attempt(coupon);
      } catch (error) {
        result = {
          status: 'retry',
          code: 'internal',
          reason: `Internal error: ${describeError(error, 'issuer.attempt')}`,
        };
      }
      release();
      state = await record(coupon, result);
    } catch (error) {
      // The lease expires and another pass takes the coupon again.
      strapi.log.error(
        `[clearon] coupon ${coupon.id}: could not be processed: ${describeError(error, 'issuer.record')}`
      );
    } finally {
      settled.emit(String(coupon.id), state);
      // Issued, failed and dead are webhook events; emitted in the background, never thrown.
      if (state) getService(strapi, 'webhook-events').couponSettled(coupon.id, state.status);
    }
  };

  /**
   * Coupons claimed ahead of a free slot (at most `concurrency`): a slot that frees up starts the
   * next one at once instead of waiting for a claim's round trip to the database. Each is started
   * within half its lease, or handed back.
   */
  const ready: Array<{ coupon: ClaimedCoupon; leasedAt: number }> = [];

  const releaseLeases = async (ids: number[]) => {
    if (ids.length === 0) return;
    await knex()(TABLE)
      .whereIn('id', ids)
      .andWhere('lease_owner', owner)
      .update({ lease_owner: null, lease_until: null });
  };

  const startReady = () => {
    const stale: number[] = [];
    while (running && busy() < config().concurrency && ready.length > 0) {
      const { coupon, leasedAt } = ready.shift()!;
      if (Date.now() - leasedAt > config().leaseMs / 2) stale.push(coupon.id);
      else void run(coupon);
    }
    releaseLeases(stale).catch((error) =>
      strapi.log.warn(
        `[clearon] could not hand back leases: ${describeError(error, 'issuer.release')}`
      )
    );
  };

  const run = (coupon: ClaimedCoupon) => {
    inFlight += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      startReady();
      if (running) schedule(0);
    };
    const done = processCoupon(coupon, release).finally(() => {
      release();
      inFlightDone.delete(done);
    });
    inFlightDone.add(done);
    return done;
  };

  /** The claimed coupons, loaded; one that cannot be read waits for its lease to end. */
  const loadSafely = async (ids: number[]) => {
    let coupons: ClaimedCoupon[] = [];
    try {
      coupons = await loadClaimed(ids);
    } catch (error) {
      strapi.log.error(
        `[clearon] claimed coupons could not be read: ${describeError(error, 'issuer.load')}`
      );
    }
    const loaded = new Set(coupons.map((coupon) => coupon.id));
    for (const id of ids) if (!loaded.has(id)) settled.emit(String(id), null);
    return coupons;
  };

  const tick = async () => {
    if (!running) return;
    if (ticking) {
      tickAgain = true;
      return;
    }
    ticking = true;
    try {
      await probeOpenCircuits();
      // Enough for the free slots, and a full set ready behind them.
      const wanted = 2 * config().concurrency - busy() - ready.length;
      if (wanted > 0) {
        // The lease runs from the claim's start (its `now`), not from when the rows came back.
        const leasedAt = Date.now();
        const coupons = await loadSafely(await claim(wanted));
        ready.push(...coupons.map((coupon) => ({ coupon, leasedAt })));
        startReady();
      }
    } catch (error) {
      strapi.log.warn(
        `[clearon] issuer could not claim coupons: ${describeError(error, 'issuer.claim')}`
      );
    } finally {
      ticking = false;
    }
    if (tickAgain) {
      tickAgain = false;
      schedule(0);
    }
  };

  /** Sends the probe of each open circuit whose probe is due (one per interval, across instances). */
  let probesCheckedAt = 0;
  const probeOpenCircuits = async () => {
    const every = Math.min(1_000, config().circuit.probeIntervalMs / 4);
    if (Date.now() - probesCheckedAt < every) return;
    probesCheckedAt = Date.now();
    for (const probe of await circuit.dueProbes()) {
      const [coupon] = await loadSafely(await claimOne(probe.couponId, false));
      if (coupon) void run({ ...coupon, probe: true });
    }
  };

  const schedule = (delayMs: number) => {
    if (!running) return;
    if (timer && delayMs > 0) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void tick().finally(() => schedule(config().pollIntervalMs));
    }, delayMs);
  };

  return {
    start() {
      if (running || !config().enabled) return;
      if (config().maxAttempts !== undefined) {
        strapi.log.warn(
          '[clearon] worker.maxAttempts is no longer used: a coupon is retried for worker.retryForMs'
        );
      }
      running = true;
      schedule(0);
    },

    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      // Claimed but not started: another worker may take them now rather than after the lease.
      const unstarted = ready.splice(0).map(({ coupon }) => coupon.id);
      await releaseLeases(unstarted).catch(() => undefined);
      for (const id of unstarted) settled.emit(String(id), null);
      await Promise.allSettled([...inFlightDone]);
    },

    /**
     * Tries this coupon now, in this request's instance, when a worker slot is free. `known` is the
     * coupon as its writer has it in memory (then it is claimed, not read back).
     */
    async issueNow(id: number, known?: Omit<ClaimedCoupon, 'leaseOwner'>) {
      // Called when the participation commits: let the request that wrote it answer first.
      await new Promise((resolve) => setImmediate(resolve));
      if (!running || busy() >= config().concurrency) return;
      reserved += 1;
      let coupon: ClaimedCoupon | undefined;
      try {
        const ids = await claimOne(id).catch(() => []);
        if (ids.length > 0) {
          [coupon] = known ? [{ ...known, leaseOwner: owner }] : await loadSafely(ids);
        }
      } finally {
        reserved -= 1;
      }
      if (coupon) await run(coupon);
      else startReady();
    },

    /**
     * Resolves when this instance has processed the coupon, with what it wrote (null when it wrote
     * nothing), or after `ms` with null.
     */
    waitForSettled(id: number, ms: number) {
      return new Promise<SettledCoupon | null>((resolve) => {
        const done = (state: SettledCoupon | null) => {
          clearTimeout(timeout);
          resolve(state ?? null);
        };
        const timeout = setTimeout(() => {
          settled.off(String(id), done);
          resolve(null);
        }, ms);
        settled.once(String(id), done);
      });
    },

    /** For tests: swap the ClearOn client (e.g. a counting wrapper). */
    setClient(next: ClearonClient) {
      client = next;
    },

    /** This instance's worker: its lease owner id, and what it recorded since it started. */
    stats() {
      return { owner, inFlight, ready: ready.length, running, ...counts };
    },
  };
};

export default service;
