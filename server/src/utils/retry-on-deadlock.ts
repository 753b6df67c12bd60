/**
 * A transaction the database chose as a deadlock victim, or refused as not serialisable, was
 * rolled back whole: running it again is what MySQL, MariaDB and PostgreSQL tell clients to do.
 */
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', '40001', '40P01']);

export const isDeadlock = (error: unknown, depth = 0): boolean => {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
  return isDeadlock(cause, depth + 1);
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `transaction` (which must open its own transaction and build its input afresh each time)
 * up to `attempts` times while it ends in a deadlock, after a short random pause so that the
 * transactions that collided do not collide again in step.
 */
export const retryOnDeadlock = async <T>(
  transaction: () => Promise<T>,
  attempts = 3,
  pauseMs = 20
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
      await pause(Math.random() * pauseMs * attempt);
    }
  }
};
