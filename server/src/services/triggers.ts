import type { Core, Schema } from '@strapi/strapi';
import { errors } from '../utils/errors';
import { TRIGGER_FIELDS, type Trigger } from '../../../shared/contracts/triggers';
import { getPluginConfig } from '../utils/get-plugin-config';
import { UID } from '../utils/plugin-id';
import { triggerableContentTypes, validateTrigger } from '../validation/trigger';

/** How long a list of triggers read from the database serves writes (another instance's edit). */
const CACHE_MS = 5_000;

type Stored = Omit<Trigger, 'source'> & { id: number; createdAt: string };

const keyError = (message: string) =>
  new errors.ValidationError(`key ${message}`, {
    errors: [{ path: ['key'], message: `key ${message}`, name: 'ValidationError' }],
  });

const fromRow = (row: Stored): Trigger => ({
  ...(Object.fromEntries(TRIGGER_FIELDS.map((field) => [field, row[field]])) as Omit<
    Trigger,
    'source'
  >),
  mapping: row.mapping ?? {},
  condition: row.condition ?? null,
  enabled: row.enabled !== false,
  channel: row.channel ?? 'entry',
  participationLimit: row.participationLimit ?? 'once',
  limitPeriodHours: row.limitPeriodHours ?? null,
  integration: row.integration ?? null,
  source: 'admin',
});

/**
 * The coupon triggers: those declared in the plugin config (checked at startup, read-only) and
 * those made in the settings page (rows of plugin::clearon.trigger).
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  let configured: Trigger[] | null = null;
  let cache: { at: number; list: Trigger[] } | null = null;
  const query = () => strapi.db.query(UID.trigger);
  const appTypes = (): Schema.ContentType[] => Object.values(strapi.contentTypes);

  const fromConfig = () => {
    configured ??= getPluginConfig(strapi).triggers.map((input, index) => {
      try {
        return { ...validateTrigger(input, appTypes()), source: 'config' as const };
      } catch (error) {
        const details = (error as { details?: { errors?: Array<{ message: string }> } }).details;
        const reasons = details?.errors?.map((problem) => problem.message).join('; ');
        throw new Error(
          `Invalid clearon plugin config: triggers[${index}]: ${reasons || (error as Error).message}`
        );
      }
    });
    return configured;
  };

  const stored = async () =>
    ((await query().findMany({ orderBy: { id: 'asc' } })) as Stored[]).map(fromRow);

  return {
    /** Checks the configured triggers (bootstrap: a bad one stops startup with its reason). */
    checkConfig() {
      const seen = new Set<string>();
      for (const trigger of fromConfig()) {
        if (seen.has(trigger.key)) {
          throw new Error(
            `Invalid clearon plugin config: two triggers have the key ${trigger.key}`
          );
        }
        seen.add(trigger.key);
      }
    },

    async list(): Promise<Trigger[]> {
      return [...fromConfig(), ...(await stored())];
    },

    /** The enabled triggers of a content type, as the document middleware reads them (cached). */
    async activeFor(uid: string): Promise<Trigger[]> {
      if (!cache || Date.now() - cache.at > CACHE_MS) {
        cache = { at: Date.now(), list: await this.list() };
      }
      return cache.list.filter((trigger) => trigger.enabled && trigger.contentType === uid);
    },

    async find(key: string) {
      return (await this.list()).find((trigger) => trigger.key === key) ?? null;
    },

    /** When the trigger began: entries written before it get no coupon from the sweep. */
    async startOf(key: string): Promise<Date | null> {
      const row = (await query().findOne({ where: { key }, select: ['createdAt'] })) as {
        createdAt: string;
      } | null;
      return row ? new Date(row.createdAt) : null;
    },

    contentTypes() {
      return triggerableContentTypes(appTypes());
    },

    async create(input: unknown): Promise<Trigger> {
      const trigger = validateTrigger(input, appTypes());
      if (await this.find(trigger.key))
        throw keyError(`${trigger.key} is taken by another trigger`);
      await query().create({ data: trigger });
      cache = null;
      return { ...trigger, source: 'admin' };
    },

    async update(key: string, input: unknown): Promise<Trigger | null> {
      const existing = await this.find(key);
      if (!existing) return null;
      if (existing.source === 'config') {
        throw keyError(`${key} is declared in the plugin config: change it there`);
      }
      const trigger = validateTrigger({ ...(input as object), key }, appTypes());
      if (trigger.contentType !== existing.contentType) {
        throw new errors.ValidationError('contentType cannot change: make a new trigger', {
          errors: [
            {
              path: ['contentType'],
              message: 'contentType cannot change: make a new trigger',
              name: 'ValidationError',
            },
          ],
        });
      }
      await query().update({ where: { key }, data: trigger });
      cache = null;
      return { ...trigger, source: 'admin' };
    },

    async remove(key: string): Promise<boolean | 'config'> {
      const existing = await this.find(key);
      if (!existing) return false;
      if (existing.source === 'config') return 'config';
      await query().delete({ where: { key } });
      cache = null;
      return true;
    },
  };
};

export default service;
