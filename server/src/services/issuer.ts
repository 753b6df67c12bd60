import { EventEmitter } from 'events';
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import {
  backoffDelay,
  createClearonClient,
  type ClearonClient,
  type IssueOutcome,
} from '../clearon';
import { getPluginConfig } from '../utils/get-plugin-config';
import { getService } from '../utils/get-service';
import { UID } from '../utils/plugin-id';

const TABLE = 'clearon_coupons';

interface ClaimedCoupon {
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
}

/**
 * An error's message fit for the logs. Knex puts the failed SQL *with its bound values* in front of
 * the driver's message, and those values are participants' emails and phone numbers, coupon codes
 * and redeem URLs: every quoted literal is masked, and the text is capped.
 */
export const describeError = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/'(?:[^'\\]|''|\\.)*'/g, "'…'").slice(0, 500);
};

type Result =
  | { status: 'issued'; outcome: Extract<IssueOutcome, { kind: 'issued' }> }
  | { status: 'retry'; code: string; reason: string; delayMs?: number }
  | { status: 'failed'; code: string; reason: string };

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
  let client: ClearonClient = createClearonClient();
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let ticking = false;
  let tickAgain = false;
  let inFlight = 0;
  const counts = { issued: 0, retried: 0, failed: 0, dead: 0 };
  const inFlightDone = new Set<Promise<void>>();

  const config = () => getPluginConfig(strapi).worker;
  const knex = () => strapi.db.connection;
  const supportsSkipLocked = () => strapi.db.dialect.client !== 'sqlite';

  const dueQuery = (trx: typeof strapi.db.connection, now: Date) =>
    trx(TABLE)
      .where('status', 'pending')
      .andWhere((q) => q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now))
      .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<', now));

  const claim = async (limit: number, onlyId?: number): Promise<number[]> => {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + config().leaseMs);
    return knex().transaction(async (trx) => {
      let select = dueQuery(trx, now)
        .select('id')
        .orderBy('next_attempt_at', 'asc')
        .orderBy('id', 'asc')
        .limit(limit);
      if (onlyId !== undefined) select = select.where('id', onlyId);
      if (supportsSkipLocked()) select = select.forUpdate().skipLocked();
      const ids = (await select).map((row: { id: number }) => row.id);
      if (ids.length === 0) return [];
      // The WHERE repeats the due conditions so that, without row locks (SQLite), a row taken by
      // another transaction in between is not taken twice.
      await dueQuery(trx, now)
        .whereIn('id', ids)
        .update({ lease_owner: owner, lease_until: leaseUntil });
      const taken = await trx(TABLE).select('id').whereIn('id', ids).where('lease_owner', owner);
      return taken.map((row: { id: number }) => row.id);
    });
  };

  /** Writes the result only while this worker still holds the lease. */
  const finish = async (id: number, data: Record<string, unknown>): Promise<boolean> => {
    const updated = await knex()(TABLE)
      .where({ id, lease_owner: owner })
      .update({ ...data, lease_owner: null, lease_until: null, updated_at: new Date() });
    return Number(updated) === 1;
  };

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

  const attempt = async (coupon: ClaimedCoupon): Promise<Result> => {
    const integrations = getService(strapi, 'integrations');
    let target: Awaited<ReturnType<typeof integrations.resolveTarget>>;
    try {
      target = await integrations.resolveTarget(coupon.integration?.documentId ?? null);
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
    const outcome = await client.issue(target, {
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
    });
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

  const campaignNames = new Map<string, string>();
  const campaignName = async (documentId: string | null) => {
    if (!documentId) return '';
    if (!campaignNames.has(documentId)) {
      const campaign = await getService(strapi, 'campaigns').findForParticipation(documentId);
      campaignNames.set(documentId, campaign?.title ?? '');
    }
    return campaignNames.get(documentId) ?? '';
  };

  const record = async (coupon: ClaimedCoupon, result: Result) => {
    const attempts = coupon.attempts + 1;
    const { maxAttempts, backoffBaseMs, backoffMaxMs } = config();
    let recorded: keyof typeof counts;
    let written: boolean;
    if (result.status === 'issued') {
      const issued = result.outcome.coupon;
      recorded = 'issued';
      written = await finish(coupon.id, {
        status: 'issued',
        attempts,
        last_error: null,
        last_error_code: null,
        clearon_coupon_id: issued.couponId,
        code: issued.code,
        redeem_url: issued.redeemUrl,
        expires_at: issued.expiresAt ? new Date(issued.expiresAt) : null,
        issued_at: new Date(),
      });
    } else if (result.status === 'retry') {
      const backoff = backoffDelay(attempts, { baseMs: backoffBaseMs, maxMs: backoffMaxMs });
      const delay = Math.max(backoff, result.delayMs ?? 0);
      // A wait for Retry-After is not the integration's fault: it does not use up an attempt.
      const counted = result.code === 'rate_limited' ? coupon.attempts : attempts;
      const dead = counted >= maxAttempts;
      recorded = dead ? 'dead' : 'retried';
      written = await finish(coupon.id, {
        status: dead ? 'dead' : 'pending',
        attempts: counted,
        last_error: dead ? `Gave up after ${counted} attempts: ${result.reason}` : result.reason,
        last_error_code: result.code,
        next_attempt_at: new Date(Date.now() + delay),
      });
    } else {
      recorded = 'failed';
      written = await finish(coupon.id, {
        status: 'failed',
        attempts,
        last_error: result.reason,
        last_error_code: result.code,
      });
    }
    // Counted only when this worker still held the lease and wrote the result.
    if (written) counts[recorded] += 1;
    if (result.status !== 'issued') {
      strapi.log.warn(
        `[clearon] coupon ${coupon.id}: ${result.status} (${result.code}): ${result.reason}`
      );
    }
  };

  const processCoupon = async (id: number) => {
    try {
      const coupon = (await strapi.db.query(UID.coupon).findOne({
        where: { id },
        populate: {
          participation: { select: ['email', 'phone', 'firstName'] },
          integration: { select: ['documentId'] },
        },
      })) as ClaimedCoupon | null;
      if (!coupon || coupon.status !== 'pending' || coupon.leaseOwner !== owner) return;
      let result: Result;
      try {
        result = await attempt(coupon);
      } catch (error) {
        result = {
          status: 'retry',
          code: 'internal',
          reason: `Internal error: ${describeError(error)}`,
        };
      }
      await record(coupon, result);
    } catch (error) {
      // The lease expires and another pass takes the coupon again.
      strapi.log.error(
        `[clearon] coupon ${id}: could not be processed: ${describeError(error)}`
      );
    } finally {
      settled.emit(String(id));
    }
  };

  const run = (id: number) => {
    inFlight += 1;
    const done = processCoupon(id).finally(() => {
      inFlight -= 1;
      inFlightDone.delete(done);
      if (running) schedule(0);
    });
    inFlightDone.add(done);
    return done;
  };

  const tick = async () => {
    if (!running) return;
    if (ticking) {
      tickAgain = true;
      return;
    }
    ticking = true;
    try {
      const free = config().concurrency - inFlight;
      if (free > 0) {
        const ids = await claim(free);
        ids.forEach(run);
      }
    } catch (error) {
      strapi.log.warn(`[clearon] issuer could not claim coupons: ${describeError(error)}`);
    } finally {
      ticking = false;
    }
    if (tickAgain) {
      tickAgain = false;
      schedule(0);
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
      running = true;
      schedule(0);
    },

    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await Promise.allSettled([...inFlightDone]);
    },

    /** Tries this coupon now, in this request's instance, when a worker slot is free. */
    async issueNow(id: number) {
      if (!running || inFlight >= config().concurrency) return;
      const ids = await claim(1, id).catch(() => []);
      if (ids.length === 1) await run(id);
    },

    /** Resolves when this instance has processed the coupon, or after `ms`. */
    waitForSettled(id: number, ms: number) {
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timeout);
          resolve();
        };
        const timeout = setTimeout(() => {
          settled.off(String(id), done);
          resolve();
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
      return { owner, inFlight, running, ...counts };
    },
  };
};

export default service;
