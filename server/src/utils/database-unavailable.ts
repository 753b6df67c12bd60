/**
 * Errors that mean "the database cannot serve this now" rather than "this request is wrong": no
 * free connection, the server unreachable or restarting, a connection cut, a lock not granted.
 * Trying again later may succeed, so the public API answers 503 with Retry-After for them.
 */
const UNAVAILABLE_CODES = new Set([
  // Node sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // PostgreSQL SQLSTATE: connection exceptions, server shutting down or starting, too many
  // connections, serialization failure, deadlock
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '40001',
  '40P01',
  // MySQL / MariaDB
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_SERVER_SHUTDOWN',
  // SQLite
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

const UNAVAILABLE_NAMES = new Set(['KnexTimeoutError']);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|Client has encountered a connection error|Unable to acquire a connection/;

/** The error's code or name when it is one of those; `null` for any other error. */
export const databaseUnavailableReason = (error: unknown, depth = 0): string | null => {
  if (!error || typeof error !== 'object' || depth > 3) return null;
  const { code, name, message, cause } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return code;
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return name;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) {
    return typeof name === 'string' ? name : 'Error';
  }
  return databaseUnavailableReason(cause, depth + 1);
};
