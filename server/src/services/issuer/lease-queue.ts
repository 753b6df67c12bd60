import type { Core } from '@strapi/strapi';
import type { DbClock } from '../../utils/db-clock';
import { getPluginConfig } from '../../utils/get-plugin-config';
import { joinTableToRead } from '../../utils/link-rows';
import { UID } from '../../utils/plugin-id';
import { TABLE, type ClaimedCoupon } from './types';

type Knex = Core.Strapi['db']['connection'];

/**
 * The outbox as a queue of leases: due pending coupons are claimed by writing this worker's
 * `lease_owner` and a `lease_until` on the database's clock (SKIP LOCKED where the database has
 * it), loaded in one query per batch, and handed back when they will not be started. A lease that
 * runs out (a crashed instance) makes its coupon due again for every worker.
 */
export const createLeaseQueue = (strapi: Core.Strapi, clock: DbClock, owner: string) => {
  const knex = () => strapi.db.connection;
  const leaseMs = () => getPluginConfig(strapi).worker.leaseMs;
  const supportsSkipLocked = () => strapi.db.dialect.client !== 'sqlite';

  const dueQuery = (trx: Knex) =>
    trx(TABLE)
      .where('status', 'pending')
      .andWhere((q) => q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', clock.now()))
      .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<', clock.now()));

  /** Leases up to `limit` due coupons, oldest due first; resolves to the ids this worker got. */
  const claim = async (limit: number): Promise<number[]> => {
    const leaseUntil = clock.plus(leaseMs());
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
      .update({ lease_owner: owner, lease_until: clock.plus(leaseMs()) });
    return Number(updated) === 1 ? [id] : [];
  };

  /** Hands leases back (claimed, not started): another worker may take them at once. */
  const release = async (ids: number[]) => {
    if (ids.length === 0) return;
    await knex()(TABLE)
      .whereIn('id', ids)
      .andWhere('lease_owner', owner)
      .update({ lease_owner: null, lease_until: null });
  };

  /**
   * The claimed coupons with their recipient and integration, in one query for the whole batch
   * (one Strapi findOne with populate per coupon cost three queries each, on SQLite's single
   * connection, in the issuing loop). Only the rows this worker still leases, still pending.
   */
  const load = async (ids: number[]): Promise<ClaimedCoupon[]> => {
    if (ids.length === 0) return [];
    const toParticipation = joinTableToRead(strapi, UID.coupon, 'participation');
    const toIntegration = joinTableToRead(strapi, UID.coupon, 'integration');
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
    return rows.map(toClaimedCoupon);
  };

  return { claim, claimOne, release, load };
};

/** One row of the batch query, as the worker reads a coupon. */
const toClaimedCoupon = (row: Record<string, unknown>): ClaimedCoupon => ({
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
});

export type LeaseQueue = ReturnType<typeof createLeaseQueue>;
