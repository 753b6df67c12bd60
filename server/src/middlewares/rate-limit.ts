import { isIPv4, isIPv6 } from 'net';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { errors } from '../utils/errors';
import Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterMySQL,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { getPluginConfig } from '../utils/get-plugin-config';
import type { RateLimitBudget } from '../config';

/** The table that holds the counters on PostgreSQL and MySQL/MariaDB, shared by every instance. */
export const RATE_LIMIT_TABLE = 'clearon_rate_limits';

/** Past this, a store call counts as failed and the instance's memory limiter answers instead. */
const STORE_TIMEOUT_MS = 2_000;
const STORE_WARNING_EVERY_MS = 60_000;

export type BudgetName = 'post' | 'get';
export type StoreKind = 'redis' | 'postgres' | 'mysql' | 'memory';

/**
 * The key a client is counted under: an IPv4 address as is (IPv4-mapped IPv6 addresses too), an
 * IPv6 address by its /64, since one subscriber usually gets a whole /64.
 */
export const clientKey = (ip: string | undefined): string => {
  const address = (ip ?? '').trim().replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  const groups = expandIPv6(address);
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
};

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing IPv4 part read). */
const expandIPv6 = (address: string): number[] => {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((group) => parseInt(group, 16)) : [];
  const start = parse(head);
  const end = parse(tail);
  const zeros = tail === undefined ? [] : new Array(8 - start.length - end.length).fill(0);
  return [...start, ...zeros, ...end];
};

interface Limiters {
  kind: StoreKind;
  key: string;
  store: Record<BudgetName, RateLimiterAbstract>;
  /** This instance's own counters: used when the shared store fails. */
  fallback: Record<BudgetName, RateLimiterMemory>;
  /** The Redis connection, when `rateLimit.redisUrl` is set (closed when Strapi stops). */
  redis?: Redis;
}

type Budgets = Record<BudgetName, RateLimitBudget>;

const storeKind = (strapi: Core.Strapi): StoreKind => {
  if (getPluginConfig(strapi).rateLimit.redisUrl) return 'redis';
  const client = strapi.db.dialect.client;
  if (client === 'postgres') return 'postgres';
  if (client === 'mysql') return 'mysql';
  return 'memory';
};

/**
 * Creates the counters' table unless it is there. Several instances may start at once on one
 * database: when the CREATE of one of them loses the race, the table is there and that is enough.
 */
export const ensureRateLimitTable = async (strapi: Core.Strapi) => {
  const schema = () => strapi.db.getSchemaConnection();
  if (!(await schema().hasTable(RATE_LIMIT_TABLE))) {
    try {
      await schema().createTable(RATE_LIMIT_TABLE, (table) => {
        table.string('key', 255).primary();
        table.integer('points').notNullable().defaultTo(0);
        table.bigInteger('expire');
      });
    } catch (error) {
      if (!(await schema().hasTable(RATE_LIMIT_TABLE))) throw error;
    }
  }
  if (storeKind(strapi) === 'postgres') await makeUnlogged(strapi);
};

/**
 * On PostgreSQL the counters skip the write-ahead log: each request's upsert then costs no disk
 * flush (about 2 ms less at p50 here, docs/benchmarks.md). A crash empties the table, which
 * only gives every client a fresh budget once.
 */
const makeUnlogged = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const table = strapi.db.getSchemaName?.()
    ? `${strapi.db.getSchemaName()}.${RATE_LIMIT_TABLE}`
    : RATE_LIMIT_TABLE;
  const { rows } = (await knex.raw('select relpersistence from pg_class where oid = ?::regclass', [
    table,
  ])) as { rows: { relpersistence: string }[] };
  if (rows[0]?.relpersistence === 'p') await knex.raw('alter table ?? set unlogged', [table]);
};

const createLimiters = async (strapi: Core.Strapi, budgets: Budgets): Promise<Limiters> => {
  const kind = storeKind(strapi);
  const memory = (name: BudgetName) =>
    new RateLimiterMemory({
      keyPrefix: `clearon-${name}`,
      points: budgets[name].points,
      duration: budgets[name].durationSec,
    });
  const fallback = { post: memory('post'), get: memory('get') };
  if (kind === 'memory') return { kind, key: JSON.stringify(budgets), store: fallback, fallback };
  if (kind === 'redis') {
    // No offline queue: while Redis is away a call fails at once and the memory fallback answers.
    const redis = new Redis(getPluginConfig(strapi).rateLimit.redisUrl as string, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    redis.on('error', () => undefined); // reported by the failing calls, without the URL
    // Connected before the first count; a Redis that is down is retried in the background.
    await redis.connect().catch(() => undefined);
    const shared = (name: BudgetName) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `clearon-${name}`,
        points: budgets[name].points,
        duration: budgets[name].durationSec,
      });
    return {
      kind,
      key: JSON.stringify(budgets),
      store: { post: shared('post'), get: shared('get') },
      fallback,
      redis,
    };
  }

  await ensureRateLimitTable(strapi);
  const knex = strapi.db.connection;
  const schemaName = strapi.db.getSchemaName?.() || undefined;
  const database = (knex.client as { connectionSettings?: { database?: string } })
    .connectionSettings?.database;
  const shared = (name: BudgetName): RateLimiterAbstract => {
    const options = {
      storeClient: knex,
      storeType: 'knex',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix: `clearon-${name}`,
      points: budgets[name].points,
      duration: budgets[name].durationSec,
    };
    return kind === 'postgres'
      ? new RateLimiterPostgres({ ...options, schemaName })
      : new RateLimiterMySQL({ ...options, dbName: database });
  };
  return {
    kind,
    key: JSON.stringify(budgets),
    store: { post: shared('post'), get: shared('get') },
    fallback,
  };
};

const byStrapi = new WeakMap<Core.Strapi, Promise<Limiters>>();

/** The limiters for the current budgets, built once (again when the budgets change). */
export const getLimiters = async (strapi: Core.Strapi): Promise<Limiters> => {
  const { post, get } = getPluginConfig(strapi).rateLimit;
  const budgets = { post, get };
  const key = JSON.stringify(budgets);
  let pending = byStrapi.get(strapi);
  if (pending) {
    const limiters = await pending.catch(() => null);
    if (limiters && limiters.key === key) return limiters;
  }
  pending = createLimiters(strapi, budgets);
  byStrapi.set(strapi, pending);
  // A failure (the database down at the first request) is retried on the next request.
  pending.catch(() => byStrapi.delete(strapi));
  return pending;
};

/** Closes the Redis connection, if any (the plugin's destroy). */
export const closeLimiters = async (strapi: Core.Strapi) => {
  const limiters = await byStrapi.get(strapi)?.catch(() => null);
  byStrapi.delete(strapi);
  await limiters?.redis?.quit().catch(() => limiters.redis?.disconnect());
};

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(Object.assign(new Error('no answer in time'), { name: 'TimeoutError' })),
      ms
    );
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      }
    );
  });

/** What is logged about a store failure: its kind only, never its message (it may hold a key). */
const errorLabel = (error: unknown) => {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return String(code ?? name ?? 'Error');
};

/**
 * Limits the public routes per client address, in two budgets: `post` (participations) and `get`
 * (campaign list, campaign, participation poll). The counters live in the Strapi database on
 * PostgreSQL and MySQL/MariaDB, so that every instance shares them; in memory on SQLite (one
 * instance). If the database cannot answer, each instance goes on with its own memory counters (the
 * same budgets, per instance) rather than refusing everyone or letting everything through.
 */
export const rateLimit =
  (budget: BudgetName) =>
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
    let lastWarning = 0;

    const consume = async (key: string): Promise<RateLimiterRes | null> => {
      let limiters: Limiters | null = null;
      try {
        limiters = await withTimeout(getLimiters(strapi), STORE_TIMEOUT_MS);
        await withTimeout(limiters.store[budget].consume(key), STORE_TIMEOUT_MS);
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return error;
        const now = Date.now();
        if (now - lastWarning > STORE_WARNING_EVERY_MS) {
          lastWarning = now;
          strapi.log.warn(
            `[clearon] rate limiter store failed (${errorLabel(error)}): this instance limits ` +
              `the public routes with its own memory counters until it answers again`
          );
        }
        const fallback = limiters?.fallback ?? (await memoryFallback());
        try {
          await fallback[budget].consume(key);
          return null;
        } catch (limited) {
          if (limited instanceof RateLimiterRes) return limited;
          throw limited;
        }
      }
    };

    let ownFallback: Limiters['fallback'] | null = null;
    const memoryFallback = async () => {
      const { post, get } = getPluginConfig(strapi).rateLimit;
      ownFallback ??= {
        post: new RateLimiterMemory({ points: post.points, duration: post.durationSec }),
        get: new RateLimiterMemory({ points: get.points, duration: get.durationSec }),
      };
      return ownFallback;
    };

    return async (ctx: Context, next: Next) => {
      if (!getPluginConfig(strapi).rateLimit.enabled) return next();
      const limited = await consume(clientKey(ctx.ip));
      if (!limited) return next();
      const retryAfter = Math.max(1, Math.ceil(limited.msBeforeNext / 1000));
      ctx.set('Retry-After', String(retryAfter));
      throw new errors.RateLimitError(
        budget === 'post'
          ? `Too many participations from this address; retry in ${retryAfter} s`
          : `Too many requests from this address; retry in ${retryAfter} s`
      );
    };
  };
