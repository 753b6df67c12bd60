import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { getPluginConfig } from '../utils/get-plugin-config';
import { describeError } from './issuer';

const PARTICIPATIONS = 'clearon_participations';
const COUPONS = 'clearon_coupons';
const LOCK_TABLE = 'strapi_core_store_settings';
const LOCK_KEY = 'plugin_clearon_retention_lock';
const DAY_MS = 24 * 60 * 60 * 1000;

const ERASED = { email: null, phone: null, first_name: null, answers: null };

/**
 * Data protection: erasing one person's data on request, and the retention job that erases
 * participant data after `retentionDays`.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const owner = randomUUID();
  let schedule: NodeJS.Timeout | null = null;

  /** Erases the participations' personal data and the coupons' links; stops pending coupons. */
  const eraseParticipations = async (ids: number[]) => {
    if (ids.length === 0) return { participations: 0, coupons: 0 };
    const now = new Date();
    return knex().transaction(async (trx) => {
      let coupons = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await trx(PARTICIPATIONS)
          .whereIn('id', chunk)
          .update({ ...ERASED, erased_at: now, updated_at: now });
        const couponIds = trx('clearon_coupons_participation_lnk')
          .select('coupon_id')
          .whereIn('participation_id', chunk);
        coupons += await trx(COUPONS)
          .whereIn('id', couponIds)
          // The frozen ClearOn request carries the recipient: it goes too.
          .update({ code: null, redeem_url: null, request_body: null, updated_at: now });
        // Clearing the lease also keeps a ClearOn call in flight from writing its result back.
        await trx(COUPONS).whereIn('id', couponIds).where('status', 'pending').update({
          status: 'failed',
          last_error: "The participant's data was erased before the coupon was issued",
          last_error_code: 'erased',
          lease_owner: null,
          lease_until: null,
        });
      }
      return { participations: ids.length, coupons };
    });
  };

  return {
    /** Runs the retention job now and then every hour, when retentionDays is set. */
    startSchedule() {
      if (!getPluginConfig(strapi).retentionDays || schedule) return;
      const run = () =>
        this.runRetention().catch((error: Error) =>
          strapi.log.warn(`[clearon] retention job failed: ${describeError(error)}`)
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
    async runRetention(now = new Date()) {
      const days = getPluginConfig(strapi).retentionDays;
      if (!days) return { participations: 0, coupons: 0 };
      const token = await this.acquireLock(now, 10 * 60_000);
      if (!token) return null;
      try {
        const cutoff = new Date(now.getTime() - days * DAY_MS);
        const ids = (
          await knex()(PARTICIPATIONS)
            .select('id')
            .where('created_at', '<', cutoff)
            .whereNull('erased_at')
        ).map((row: { id: number }) => row.id);
        return await eraseParticipations(ids);
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
