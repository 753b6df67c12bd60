import { backoffDelay } from './backoff';

export interface RetryPolicy {
  /** How long a coupon is retried, from its start (creation, or an admin's retry). */
  retryForMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export interface RetryInput {
  /** Attempts counted so far, the one that just failed included (1 = the first attempt failed). */
  attempts: number;
  /** When the coupon's retry time started (epoch ms). */
  startedAt: number;
  /** Now, on the database's clock (epoch ms). */
  now: number;
  /** A wait ClearOn asked for (Retry-After), at least this long. */
  minDelayMs?: number;
}

export type RetryDecision =
  { kind: 'retry'; delayMs: number; deadline: number } | { kind: 'dead'; deadline: number };

/**
 * What happens after a transient failure: the next try after a capped exponential backoff with
 * full jitter (never later than the coupon's deadline, so its last try is at the deadline), or
 * `dead` when the deadline has passed. Time, not a count of attempts, bounds the retries.
 */
export const decideRetry = (
  input: RetryInput,
  policy: RetryPolicy,
  random: () => number = Math.random
): RetryDecision => {
  const deadline = input.startedAt + Math.max(0, policy.retryForMs);
  if (input.now >= deadline) return { kind: 'dead', deadline };
  const backoff = backoffDelay(
    input.attempts,
    { baseMs: policy.backoffBaseMs, maxMs: policy.backoffMaxMs },
    random
  );
  const wanted = Math.max(backoff, input.minDelayMs ?? 0);
  return { kind: 'retry', delayMs: Math.max(0, Math.min(wanted, deadline - input.now)), deadline };
};

/** The deadline of a coupon that started at `startedAt`. */
export const retryDeadline = (startedAt: number, policy: Pick<RetryPolicy, 'retryForMs'>) =>
  startedAt + Math.max(0, policy.retryForMs);
