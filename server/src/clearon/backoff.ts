export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 'full' (default): uniform in [0, cap]. 'equal': uniform in [cap/2, cap], never near zero. */
  jitter?: 'full' | 'equal';
}

/**
 * Capped exponential backoff with jitter: the delay before retry number `attempt` (1 = the first
 * retry). The cap is min(maxMs, baseMs * 2^(attempt-1)); jitter spreads retries of many coupons
 * that failed together so they do not hit ClearOn at the same moment again.
 */
export const backoffDelay = (
  attempt: number,
  { baseMs, maxMs, jitter = 'full' }: BackoffOptions,
  random: () => number = Math.random
): number => {
  const step = Math.max(1, Math.floor(Number.isFinite(attempt) ? attempt : 1));
  const base = Math.max(0, baseMs);
  const max = Math.max(0, maxMs);
  // 2^(step-1) overflows to Infinity for huge steps; Math.min keeps the cap.
  const cap = Math.min(max, base * 2 ** Math.min(step - 1, 1023));
  const unit = Math.min(Math.max(random(), 0), 1);
  const delay = jitter === 'equal' ? cap / 2 + unit * (cap / 2) : unit * cap;
  return Math.round(delay);
};
