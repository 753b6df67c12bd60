import type { Core } from '@strapi/strapi';
import type { IssueOutcome } from '../clearon';
import type { DbClock } from '../utils/db-clock';
import { getPluginConfig } from '../utils/get-plugin-config';
import { joinTableToRead } from '../utils/link-rows';
import { UID } from '../utils/plugin-id';

const INTEGRATIONS = 'clearon_integrations';
const COUPONS = 'clearon_coupons';
/** How long an instance trusts what it read of a circuit before reading it again. */
const CACHE_MS = 1_000;

/** The codes that say ClearOn is down (no answer, or a 5xx/408): they count towards opening. */
const TRANSIENT = new Set(['server_error', 'timeout', 'unreachable']);

export const PARKED_CODE = 'circuit_open';

/** Whether the outcome says ClearOn is down (true), up (false), or nothing about it (null). */
export const reachability = (outcome: IssueOutcome): 'down' | 'up' | null => {
  if (outcome.kind === 'issued' || outcome.kind === 'dry-run-ok') return 'up';
  if (outcome.kind === 'retryable' && TRANSIENT.has(outcome.code)) return 'down';
  // A request that did not go out (bad endpoint, no key) has no status and says nothing.
  return outcome.status === undefined ? null : 'up';
};

interface CircuitRow {
  id: number;
  failures: number;
  openedAt: Date | null;
}

export interface OpenCircuit {
  integration: { id: string; name: string };
  /** Since when ClearOn has not answered (the circuit opened). */
  openedAt: string;
  /** When the next probe goes to ClearOn. */
  nextProbeAt: string | null;
  failures: number;
}

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date
      ? value
      : new Date(Number.isNaN(Number(value)) ? String(value) : Number(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The integrations whose circuit is open, for the coupons dashboard. */
export const listOpenCircuits = async (strapi: Core.Strapi): Promise<OpenCircuit[]> => {
  const rows = (await strapi.db
    .connection(INTEGRATIONS)
    .select('document_id', 'name', 'circuit_opened_at', 'circuit_probe_at', 'circuit_failures')
    .whereNotNull('circuit_opened_at')
    .orderBy('name', 'asc')) as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    integration: { id: String(row.document_id), name: String(row.name) },
    openedAt: toDate(row.circuit_opened_at)!.toISOString(),
    nextProbeAt: toDate(row.circuit_probe_at)?.toISOString() ?? null,
    failures: Number(row.circuit_failures ?? 0),
  }));
};

/**
 * The circuit breaker of each integration, kept on its row so that every instance on the database
 * shares it: after `failureThreshold` transient failures in a row the circuit opens; its coupons are
 * parked (pending, no attempt spent) and one probe per `probeIntervalMs` goes to ClearOn, whichever
 * instance takes it first (a conditional UPDATE on the database's clock). The first answer closes the
 * circuit and makes the parked coupons due at once.
 */
export const createCircuit = (strapi: Core.Strapi, clock: DbClock) => {
  const knex = () => strapi.db.connection;
  const settings = () => getPluginConfig(strapi).worker.circuit;
  const cache = new Map<string, { at: number; row: CircuitRow | null }>();

  const linkTable = () => {
    const { name, from, to } = joinTableToRead(strapi, UID.coupon, 'integration');
    return { name, coupon: from, integration: to };
  };

  const read = async (documentId: string): Promise<CircuitRow | null> => {
    const row = (await knex()(INTEGRATIONS)
      .select('id', 'circuit_failures', 'circuit_opened_at')
      .where('document_id', documentId)
      .first()) as Record<string, unknown> | undefined;
    const circuit = row
      ? {
          id: Number(row.id),
          failures: Number(row.circuit_failures ?? 0),
          openedAt: toDate(row.circuit_opened_at),
        }
      : null;
    cache.set(documentId, { at: Date.now(), row: circuit });
    return circuit;
  };

  const state = async (documentId: string) => {
    const hit = cache.get(documentId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.row;
    return read(documentId);
  };

  /** Takes this interval's probe of an open circuit; true for the one caller that gets it. */
  const takeProbe = async (documentId: string) => {
    const taken = await knex()(INTEGRATIONS)
      .where('document_id', documentId)
      .whereNotNull('circuit_opened_at')
      .andWhere((q) =>
        q.whereNull('circuit_probe_at').orWhere('circuit_probe_at', '<=', clock.now())
      )
      .update({ circuit_probe_at: clock.plus(settings().probeIntervalMs) });
    return Number(taken) === 1;
  };

  /**
   * Makes the coupons parked on this integration due now, each as of when it was written: they
   * drain oldest first, and their due times stay apart. One value for all of them (`now`) made
   * every claim of the drain (ORDER BY next_attempt_at, id, over the index on status and
   * next_attempt_at) read and sort the whole backlog on PostgreSQL, at a cost growing with it.
   */
  const wake = async (integrationId: number) => {
    const link = linkTable();
    await knex()(COUPONS)
      .where('status', 'pending')
      .andWhere('last_error_code', PARKED_CODE)
      .whereIn('id', knex()(link.name).select(link.coupon).where(link.integration, integrationId))
      .update({ next_attempt_at: knex().raw(`COALESCE(created_at, ${clock.nowSql()})`) });
  };

  return {
    /** Before a coupon goes to ClearOn: `send` (closed), `probe` (open, this is the probe) or `wait`. */
    async gate(documentId: string): Promise<'send' | 'probe' | 'wait'> {
      const circuit = await state(documentId);
      if (!circuit?.openedAt) return 'send';
      return (await takeProbe(documentId)) ? 'probe' : 'wait';
    },

    /** After ClearOn answered or not. Resolves to whether the circuit is open now. */
    async record(documentId: string, outcome: IssueOutcome): Promise<boolean> {
      const seen = reachability(outcome);
      if (seen === 'down') {
        const { failureThreshold, probeIntervalMs } = settings();
        const opens = `circuit_opened_at IS NULL AND COALESCE(circuit_failures, 0) + 1 >= ${Number(failureThreshold)}`;
        // MySQL assigns left to right with the new values: the probe time first, the count last.
        await knex()(INTEGRATIONS)
          .where('document_id', documentId)
          .update({
            circuit_probe_at: knex().raw(
              `CASE WHEN ${opens} THEN ${clock.plusSql(probeIntervalMs)} ELSE circuit_probe_at END`
            ),
            circuit_opened_at: knex().raw(
              `CASE WHEN ${opens} THEN ${clock.nowSql()} ELSE circuit_opened_at END`
            ),
            circuit_failures: knex().raw('COALESCE(circuit_failures, 0) + 1'),
          });
        return Boolean((await read(documentId))?.openedAt);
      }
      if (seen === 'up') {
        const circuit = await state(documentId);
        if (!circuit || (!circuit.openedAt && circuit.failures === 0)) return false;
        const closed = await knex()(INTEGRATIONS)
          .where('document_id', documentId)
          .andWhere((q) => q.whereNotNull('circuit_opened_at').orWhere('circuit_failures', '>', 0))
          .update({ circuit_failures: 0, circuit_opened_at: null, circuit_probe_at: null });
        cache.set(documentId, { at: Date.now(), row: { ...circuit, failures: 0, openedAt: null } });
        if (Number(closed) === 1 && circuit.openedAt) {
          strapi.log.info(
            `[clearon] integration ${documentId}: ClearOn answers again, circuit closed`
          );
        }
        // Also when another instance closed it first: waking twice does no harm.
        if (circuit.openedAt) await wake(circuit.id);
        return false;
      }
      return Boolean((await state(documentId))?.openedAt);
    },

    /**
     * The open circuits whose probe is due, each taken by this caller (one per interval across
     * instances), with the id of one of their waiting coupons to send as the probe.
     */
    async dueProbes(): Promise<Array<{ documentId: string; couponId: number }>> {
      const due = (await knex()(INTEGRATIONS)
        .select('id', 'document_id')
        .whereNotNull('circuit_opened_at')
        .andWhere((q) =>
          q.whereNull('circuit_probe_at').orWhere('circuit_probe_at', '<=', clock.now())
        )) as Array<{ id: number; document_id: string }>;
      const probes: Array<{ documentId: string; couponId: number }> = [];
      const link = linkTable();
      for (const row of due) {
        const waiting = (await knex()(COUPONS)
          .select('id')
          .where('status', 'pending')
          .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<', clock.now()))
          .whereIn('id', knex()(link.name).select(link.coupon).where(link.integration, row.id))
          .orderBy('next_attempt_at', 'asc')
          .orderBy('id', 'asc')
          .first()) as { id: number } | undefined;
        // Nothing to send: the probe stays due for the next coupon of this integration.
        if (!waiting) continue;
        if (await takeProbe(row.document_id)) {
          probes.push({ documentId: row.document_id, couponId: Number(waiting.id) });
        }
      }
      return probes;
    },

    /**
     * Parks a coupon whose integration's circuit is open: pending, no attempt spent, due at `until`
     * (its deadline) unless the circuit closes first. Only while the circuit is still open and this
     * worker holds the lease; resolves to false otherwise (then the caller releases it as due).
     */
    async park(
      couponId: number,
      owner: string,
      documentId: string,
      until: Date,
      reason: string
    ): Promise<boolean> {
      const parked = await knex()(COUPONS)
        .where({ id: couponId, lease_owner: owner, status: 'pending' })
        .whereExists(
          knex()(INTEGRATIONS)
            .select('id')
            .where('document_id', documentId)
            .whereNotNull('circuit_opened_at')
        )
        .update({
          next_attempt_at: until,
          last_error: reason,
          last_error_code: PARKED_CODE,
          lease_owner: null,
          lease_until: null,
          updated_at: new Date(),
        });
      return Number(parked) === 1;
    },

    /** Forgets what this instance read (tests, and an integration edited). */
    forget() {
      cache.clear();
    },
  };
};

export type Circuit = ReturnType<typeof createCircuit>;
