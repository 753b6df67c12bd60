import type { Core } from '@strapi/strapi';
import { sourceKeyOf, conditionHolds, type Trigger } from '../domain/trigger';
import { describeError } from '../utils/describe-error';
import { getPluginConfig } from '../utils/get-plugin-config';
import { getService } from '../utils/get-service';
import { triggerSubject } from './trigger-coupons';

const COUNTERS = 'clearon_limit_counters';
const BATCH = 200;
const HOUR_MS = 60 * 60 * 1000;

type Entry = Record<string, unknown> & { id: number; documentId: string; locale?: string | null };

/**
 * The periodic pass behind the document middleware: entries written without the document service
 * (`strapi.db.query(uid).create`, an import, SQL) that a trigger names and that have no coupon row
 * get theirs, each in a transaction of its own, under the same rules (a refusal is kept as a failed
 * coupon: no one is there to answer). Entries written before the trigger began are left alone.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const db = () => strapi.db.connection;

  /** Once per trigger and interval across instances: the first to move the mark sweeps. */
  const takeTurn = async (trigger: Trigger, intervalMs: number) => {
    const now = Date.now();
    const subject = triggerSubject(trigger.key);
    const at = new Date();
    await db()(COUNTERS)
      .insert({ scope: 'sweep', subject, total: 0, created_at: at, updated_at: at })
      .onConflict(['scope', 'subject'])
      .ignore();
    const taken = await db()(COUNTERS)
      .where({ scope: 'sweep', subject })
      .where((q) => q.whereNull('last_at_ms').orWhere('last_at_ms', '<=', now - intervalMs / 2))
      .update({ last_at_ms: now, updated_at: at });
    return Number(taken) === 1;
  };

  /** A trigger from the config begins when this app first saw it (kept in the counters table). */
  const startOf = async (trigger: Trigger): Promise<Date> => {
    if (trigger.source === 'admin') {
      return (await getService(strapi, 'triggers').startOf(trigger.key)) ?? new Date();
    }
    const subject = triggerSubject(trigger.key);
    const at = new Date();
    await db()(COUNTERS)
      .insert({
        scope: 'trigger-start',
        subject,
        total: 0,
        last_at_ms: at.getTime(),
        created_at: at,
        updated_at: at,
      })
      .onConflict(['scope', 'subject'])
      .ignore();
    const row = await db()(COUNTERS).where({ scope: 'trigger-start', subject }).first('last_at_ms');
    return new Date(Number(row?.last_at_ms ?? at.getTime()));
  };

  const sweepTrigger = async (trigger: Trigger, lookbackHours: number) => {
    const contentType =
      strapi.contentTypes[trigger.contentType as keyof typeof strapi.contentTypes];
    if (!contentType) return 0;
    const since = Math.max(
      (await startOf(trigger)).getTime(),
      Date.now() - lookbackHours * HOUR_MS
    );
    const draftAndPublish = Boolean(contentType.options?.draftAndPublish);
    const where: Record<string, unknown> =
      trigger.event === 'publish'
        ? { publishedAt: { $notNull: true }, updatedAt: { $gte: new Date(since) } }
        : {
            createdAt: { $gte: new Date(since) },
            ...(draftAndPublish ? { publishedAt: { $null: true } } : {}),
          };
    let issued = 0;
    for (let afterId = 0; ;) {
      const entries = (await strapi.db.query(trigger.contentType).findMany({
        where: { ...where, id: { $gt: afterId } },
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as Entry[];
      if (entries.length === 0) return issued;
      afterId = entries[entries.length - 1].id;
      const candidates = entries.filter((entry) => conditionHolds(trigger, entry));
      const keys = candidates.map((entry) => sourceKeyOf(trigger, entry.documentId, entry.locale));
      const served = new Set(
        (await db()('clearon_coupons').whereIn('source_key', keys).select('source_key')).map(
          (row: { source_key: string }) => row.source_key
        )
      );
      for (const [index, entry] of candidates.entries()) {
        if (served.has(keys[index])) continue;
        try {
          const coupon = await strapi.db.transaction(async ({ trx }) =>
            getService(strapi, 'trigger-coupons').fire(trx, trigger, entry, 'record')
          );
          if (coupon) {
            issued += 1;
            getService(strapi, 'trigger-coupons').issueSoon(coupon);
          }
        } catch (error) {
          // Taken meanwhile (a unique key), or the database: the next pass looks again.
          strapi.log.warn(
            `[clearon] trigger ${trigger.key}: entry ${entry.documentId} was not swept: ${describeError(error, 'trigger.sweep')}`
          );
        }
      }
    }
  };

  return {
    /** Bootstrap: a configured trigger begins when the app first runs with it. */
    async markStarts() {
      for (const trigger of await getService(strapi, 'triggers').list()) {
        if (trigger.source === 'config') await startOf(trigger);
      }
    },

    /** One pass over every enabled trigger whose turn it is; resolves to the coupons written. */
    async sweep(options: { force?: boolean } = {}) {
      const { intervalMs, lookbackHours } = getPluginConfig(strapi).triggerSweep;
      let total = 0;
      for (const trigger of await getService(strapi, 'triggers').list()) {
        if (!trigger.enabled) continue;
        if (!options.force && !(await takeTurn(trigger, intervalMs))) continue;
        total += await sweepTrigger(trigger, lookbackHours);
      }
      return total;
    },

    start() {
      const { enabled, intervalMs } = getPluginConfig(strapi).triggerSweep;
      if (!enabled || timer) return;
      const tick = () => {
        running = this.sweep()
          .catch((error) =>
            strapi.log.error(
              `[clearon] trigger sweep failed: ${describeError(error, 'trigger.sweep')}`
            )
          )
          .finally(() => {
            running = null;
          });
      };
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
};

export default service;
