import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { getPluginConfig } from '../utils/get-plugin-config';
import { describeError } from '../utils/describe-error';

const PARTICIPATIONS = 'clearon_participations';
const COUPONS = 'clearon_coupons';
const LOCK_TABLE = 'strapi_core_store_settings';
const LOCK_KEY = 'plugin_clearon_retention_lock';
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCK_TTL_MS = 10 * 60_000;

/** Rows erased per transaction: no long write lock (SQLite locks the whole database). */
export const ERASE_BATCH = 500;

/**
 * Every per-person column of a participation: the contact and answers, the participant's token
 * (hash) and the Idempotency-Key (hash). What stays is not about a person: the reference (ClearOn
 * knows the coupon by it), the campaign, delivery type, score, profile, exit screen. The limits
 * keep counting the person through keyed hashes in clearon_limit_counters.
 */
const ERASED = {
  email: null,
  phone: null,
  first_name: null,
  answers: null,
  token_hash: null,
  submission_key: null,
};

/**
 * Data protection: erasing one person's data on request, and the retention job that erases
 * participant data after `retentionDays`.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const owner = randomUUID();
  let schedule: NodeJS.Timeout | null = null;

  /**
   * Erases at most ERASE_BATCH participations in one transaction: their personal data, their
   * coupons' code, redeem link and frozen ClearOn request (it holds the recipient); a pending
   * coupon is stopped.
   */
  const eraseBatch = async (ids: number[]) => {
    const now = new Date();
    return knex().transaction(async (trx) => {
      await trx(PARTICIPATIONS)
        .whereIn('id', ids)
        .update({ ...ERASED, erased_at: now, updated_at: now });
      const couponIds = trx('clearon_coupons_participation_lnk')
        .select('coupon_id')
        .whereIn('participation_id', ids);
      const coupons = Number(
        await trx(COUPONS)
          .whereIn('id', couponIds)
          .update({ code: null, redeem_url: null, request_body: null, updated_at: now })
      );
      // Clearing the lease also keeps a ClearOn call in flight from writing its result back.
      await trx(COUPONS).whereIn('id', couponIds).where('status', 'pending').update({
        status: 'failed',
        last_error: "The participant's data was erased before the coupon was issued",
        last_error_code: 'erased',
        lease_owner: null,
        lease_until: null,
      });
      return coupons;
    });
  };

  /** Erases the participations, ERASE_BATCH per transaction. */
  const eraseParticipations = async (ids: number[], batchSize = ERASE_BATCH) => {
    let coupons = 0;
    for (let i = 0; i < ids.length; i += batchSize) {
      coupons += await eraseBatch(ids.slice(i, i + batchSize));
    }
    return { participations: ids.length, coupons };
  };

  return {
    /** Runs the retention job now and then every hour, when retentionDays is set. */
    startSchedule() {
      if (!getPluginConfig(strapi).retentionDays || schedule) return;
      const run = () =>
        this.runRetention().catch((error: Error) =>
          strapi.log.warn(
            `[clearon] retention job failed: ${describeError(error, 'privacy.retention')}`
          )
        );
      schedule = setInterval(run, 60 * 60_000);
      schedule.unref();
      void run();
    },

    stopSchedule() {
      if (schedule) clearInterval(schedule);
      schedule = null;
    },

    async eraseContact({ email, phone }: { email?: string; phone?: string }) {
      const query = knex()(PARTICIPATIONS).select('id');
      query.where((q) => {
        if (email) q.orWhereRaw('LOWER(email) = ?', [email.trim().toLowerCase()]);
        if (phone) q.orWhere('phone', phone);
      });
      const ids = (await query).map((row: { id: number }) => row.id);
      return eraseParticipations(ids);
    },

    /** Erases participations older than retentionDays; resolves to null when another instance holds the job. */
    async runRetention(now = new Date(), batchSize = ERASE_BATCH) {
      const days = getPluginConfig(strapi).retentionDays;
      if (!days) return { participations: 0, coupons: 0 };
      const token = await this.acquireLock(now, LOCK_TTL_MS);
      if (!token) return null;
      try {
        const cutoff = new Date(now.getTime() - days * DAY_MS);
        const total = { participations: 0, coupons: 0 };
        let after = 0;
        // One batch per transaction, each read afresh: participants keep taking part in between.
        for (;;) {
          const ids = (
            await knex()(PARTICIPATIONS)
              .select('id')
              .where('created_at', '<', cutoff)
              .whereNull('erased_at')
              .andWhere('id', '>', after)
              .orderBy('id', 'asc')
              .limit(batchSize)
          ).map((row: { id: number }) => Number(row.id));
          if (ids.length === 0) break;
          total.participations += ids.length;
          total.coupons += await eraseBatch(ids);
          after = ids[ids.length - 1];
          if (ids.length < batchSize) break;
          // A long run keeps its lock; another instance took it over (ours expired): stop here.
          if (!(await this.renewLock(token, new Date(), LOCK_TTL_MS))) break;
        }
        return total;
      } finally {
        await this.releaseLock(token);
      }
    },

    /**
     * A lease in Strapi's core store, so that one instance (and one call) runs the job at a time.
     * The store has no unique key: the first lock is inserted, then the oldest row for the key wins
     * and a loser removes its own row. The row stays (released = expired), and later runs take it
     * by compare-and-set on its value. Resolves to this holder's token, or null when it is held.
     */
    async acquireLock(now: Date, ttlMs: number): Promise<string | null> {
      const token = randomUUID();
      const value = JSON.stringify({ owner: `${owner}:${token}`, until: now.getTime() + ttlMs });
      const locks = () =>
        knex()(LOCK_TABLE)
          .select('id', 'value')
          .where({ key: LOCK_KEY })
          .orderBy('id', 'asc') as Promise<Array<{ id: number; value: string | null }>>;
      const existing = await locks();
      if (existing.length === 0) {
        await knex()(LOCK_TABLE).insert({
          key: LOCK_KEY,
          value,
          type: 'object',
          environment: null,
          tag: null,
        });
        const [first] = await locks();
        if (first?.value === value) return token;
        await knex()(LOCK_TABLE).where({ key: LOCK_KEY, value }).delete();
        return null;
      }
      const [current] = existing;
      const { until } = JSON.parse(current.value ?? '{}') as { until?: number };
      if ((until ?? 0) > now.getTime()) return null;
      const updated = await knex()(LOCK_TABLE)
        .where({ id: current.id, value: current.value })
        .update({ value });
      return Number(updated) === 1 ? token : null;
    },

    /** Extends the lock while this holder still has it; false when it has lost it. */
    async renewLock(token: string, now: Date, ttlMs: number) {
      const updated = await knex()(LOCK_TABLE)
        .where({ key: LOCK_KEY })
        .andWhere('value', 'like', `%${owner}:${token}%`)
        .update({
          value: JSON.stringify({ owner: `${owner}:${token}`, until: now.getTime() + ttlMs }),
        });
      return Number(updated) >= 1;
    },

    /** Releases the lock if this holder still has it (the row stays, expired). */
    async releaseLock(token: string) {
      await knex()(LOCK_TABLE)
        .where({ key: LOCK_KEY })
        .andWhere('value', 'like', `%${owner}:${token}%`)
        // Never the value the lock had before: a run that read it then must lose its compare-and-set.
        .update({
          value: JSON.stringify({ owner: null, until: 0, releasedBy: `${owner}:${token}` }),
        });
    },
  };
};

export default service;
