import { errors } from '@strapi/utils';

/**
 * Errors fit for the logs. A database error's text is never logged: Knex puts the failed SQL *with
 * its bound values* in front of the driver's message (on every database), MySQL's own messages
 * quote values (`Duplicate entry 'ada@x.se' for key ...`), and PostgreSQL's `detail` holds them
 * (`Key (email)=(ada@x.se) already exists`). Those values are participants' emails, phone numbers
 * and answers, coupon codes and redeem links. A database error is described by its driver code
 * (`23505`, `ER_DUP_ENTRY`, `SQLITE_CONSTRAINT_UNIQUE`) and the name of the query the caller gives
 * (`issuer.claim`), nothing else.
 */

/** The driver messages that mean "the database cannot serve this now", kept as the error's code. */
const UNAVAILABLE_PHRASES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'Unable to acquire a connection',
];

/** Error names of Knex, Strapi's database layer and the drivers: their messages may hold values. */
const DATABASE_ERROR_NAMES = new Set([
  'KnexTimeoutError',
  'DatabaseError',
  'NotNullError',
  'InvalidTimeError',
  'InvalidDateError',
  'InvalidDateTimeError',
  'InvalidRelationError',
  'SqliteError',
]);

/** Properties that only database driver errors have (pg, mysql2, better-sqlite3, Knex). */
const DATABASE_PROPERTIES = [
  'sql',
  'bindings',
  'sqlMessage',
  'sqlState',
  'detail',
  'constraint',
  'routine',
  'schema',
  'table',
  'column',
];

// Knex's prefix: "<the SQL, values filled in> - <the driver's message>".
const SQL_PREFIX =
  /^\s*(select|insert|update|delete|with|begin|commit|rollback|savepoint|release|pragma|create|alter|drop|lock|set)\b[\s\S]* - /i;

type ErrorLike = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };

const asObject = (error: unknown): ErrorLike | null =>
  error && typeof error === 'object' ? (error as ErrorLike) : null;

const isDriverCode = (code: unknown): code is string =>
  typeof code === 'string' &&
  // SQLSTATE (PostgreSQL: 23505, 57P01, 40P01, also Node's 5-letter socket codes like EPIPE),
  // MySQL/MariaDB (ER_DUP_ENTRY, PROTOCOL_CONNECTION_LOST), SQLite (SQLITE_CONSTRAINT_UNIQUE),
  // Node sockets (ECONNREFUSED).
  (/^[0-9A-Z]{5}$/.test(code) || /^(ER_|SQLITE_|PROTOCOL_|E[A-Z]{3,})[A-Z0-9_]*$/.test(code));

/** True for an error that came from the database (or its driver, Knex or Strapi's query layer). */
export const isDatabaseError = (error: unknown, depth = 0): boolean => {
  const e = asObject(error);
  if (!e || depth > 3) return false;
  if (typeof e.name === 'string' && DATABASE_ERROR_NAMES.has(e.name)) return true;
  if (DATABASE_PROPERTIES.some((key) => key in e)) return true;
  if (isDriverCode(e.code)) return true;
  if (typeof e.message === 'string') {
    if (SQL_PREFIX.test(e.message)) return true;
    const message = e.message;
    if (UNAVAILABLE_PHRASES.some((phrase) => message.includes(phrase))) return true;
  }
  return isDatabaseError(e.cause, depth + 1);
};

/**
 * A database error's code, for the logs: the driver's code (`23505`, `ER_DUP_ENTRY`,
 * `SQLITE_CONSTRAINT_UNIQUE`, `ECONNREFUSED`), `KnexTimeoutError`, a connection phrase
 * (`Connection terminated`), Strapi's error name (`NotNullError`), else `unknown`.
 */
export const databaseErrorCode = (error: unknown, depth = 0): string => {
  const e = asObject(error);
  if (!e || depth > 3) return 'unknown';
  if (isDriverCode(e.code)) return e.code;
  if (typeof e.name === 'string' && DATABASE_ERROR_NAMES.has(e.name) && e.name !== 'SqliteError')
    return e.name;
  if (typeof e.message === 'string') {
    const phrase = UNAVAILABLE_PHRASES.find((p) => (e.message as string).includes(p));
    if (phrase) return phrase;
  }
  const inner = e.cause === undefined ? 'unknown' : databaseErrorCode(e.cause, depth + 1);
  if (inner !== 'unknown') return inner;
  return typeof e.code === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(e.code) ? e.code : 'unknown';
};

/** Any other error's message, with quoted literals masked and the text capped. */
const maskedMessage = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/'(?:[^'\\]|''|\\.)*'/g, "'…'").slice(0, 500);
};

/**
 * An error's description for a log line or a stored reason. A database error gives only its code
 * and the query name (`database error 23505 in issuer.claim`); any other error its message, with
 * quoted literals masked.
 */
export const describeError = (error: unknown, query = 'a query') =>
  isDatabaseError(error)
    ? `database error ${databaseErrorCode(error)} in ${query}`
    : maskedMessage(error);

/** A database error with its code and the query name only (see safeError). */
class SafeDatabaseError extends Error {}

const safeName = (name: unknown) =>
  typeof name === 'string' && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) ? name : 'Error';

/**
 * What a plugin route or document middleware lets bubble up to Strapi: its errors middleware logs
 * an unknown error whole (message and stack) before answering 500. Strapi's own errors (a 4xx they
 * describe to the client) go through as they are; a database error is replaced by an error that
 * carries its code and the query name only (its `code` and `name` stay, so the 503 "database
 * unavailable" answers still recognise it).
 */
export const safeError = (error: unknown, query: string): unknown => {
  if (error instanceof errors.ApplicationError || error instanceof errors.HttpError) return error;
  // Already made safe deeper down, where the query name is the most precise.
  if (!isDatabaseError(error) || error instanceof SafeDatabaseError) return error;
  const code = databaseErrorCode(error);
  const safe = new SafeDatabaseError(`[clearon] ${describeError(error, query)}`);
  safe.name = safeName((error as ErrorLike).name);
  Object.defineProperty(safe, 'code', { value: code, enumerable: true });
  // The call frames are kept (they hold no values), under the safe message.
  const frames =
    error instanceof Error
      ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
      : [];
  if (frames.length > 0) safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join('\n');
  return safe;
};

type Action = (...args: unknown[]) => unknown;

/**
 * A controller whose every action lets no database error with values reach Strapi's error log:
 * `<controller>.<action>` is the query name in the log.
 */
export const withSafeErrors =
  <S, C extends Record<string, unknown>>(name: string, factory: (deps: S) => C) =>
  (deps: S): C => {
    const controller = factory(deps);
    const wrapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(controller)) {
      wrapped[key] =
        typeof value === 'function'
          ? async function (this: unknown, ...args: unknown[]) {
              try {
                return await (value as Action).apply(controller, args);
              } catch (error) {
                throw safeError(error, `${name}.${key}`);
              }
            }
          : value;
    }
    return wrapped as C;
  };
