import type { Core } from '@strapi/strapi';

/**
 * The database's clock, in SQL: leases, circuit probes and retry times are compared and written with
 * it, so that instances whose clocks disagree still agree on who holds what.
 *
 * PostgreSQL and MySQL/MariaDB use CURRENT_TIMESTAMP (with milliseconds on MySQL). On SQLite, Strapi
 * stores datetimes as epoch milliseconds (better-sqlite3 binds a Date as a number), and SQLite's
 * CURRENT_TIMESTAMP is text with whole seconds: the same clock is read as julianday('now'), in
 * milliseconds.
 */
export const createDbClock = (strapi: Core.Strapi) => {
  const client = () => strapi.db.dialect.client;
  const knex = () => strapi.db.connection;

  const nowSql = () => {
    switch (client()) {
      case 'sqlite':
        return "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)";
      case 'mysql':
        return 'CURRENT_TIMESTAMP(3)';
      default:
        return 'CURRENT_TIMESTAMP';
    }
  };

  /** `now + ms` as SQL text (ms is a whole number, inlined). */
  const plusSql = (ms: number) => {
    const n = Math.round(Number.isFinite(ms) ? ms : 0);
    switch (client()) {
      case 'sqlite':
        return `(${nowSql()} + ${n})`;
      case 'mysql':
        return `TIMESTAMPADD(MICROSECOND, ${n * 1000}, ${nowSql()})`;
      default:
        return `(${nowSql()} + INTERVAL '${n} milliseconds')`;
    }
  };

  // The database's clock minus this instance's, as last read.
  let skewMs = 0;
  let syncedAt = 0;

  return {
    /** The database's now, as a value for a query (where or update). */
    now: () => knex().raw(nowSql()),
    /** The database's now plus `ms`, as a value for a query. */
    plus: (ms: number) => knex().raw(plusSql(ms)),
    nowSql,
    plusSql,
    /** Reads the database's now. */
    async read(): Promise<Date> {
      const result = (await knex().raw(`SELECT ${nowSql()} AS now`)) as unknown;
      const rows = Array.isArray(result)
        ? // sqlite: rows; mysql: [rows, fields]
          Array.isArray(result[0])
          ? (result[0] as Array<{ now: unknown }>)
          : (result as Array<{ now: unknown }>)
        : ((result as { rows: Array<{ now: unknown }> }).rows ?? []);
      const value = rows[0]?.now;
      const date = value instanceof Date ? value : new Date(Number(value));
      if (Number.isNaN(date.getTime())) throw new Error('The database clock could not be read');
      skewMs = date.getTime() - Date.now();
      syncedAt = Date.now();
      return date;
    },
    /** The database's now (epoch ms), from its clock as read at most `maxAgeMs` ago. */
    async approxNow(maxAgeMs = 60_000): Promise<number> {
      if (syncedAt === 0 || Date.now() - syncedAt > maxAgeMs) await this.read();
      return Date.now() + skewMs;
    },
  };
};

export type DbClock = ReturnType<typeof createDbClock>;
