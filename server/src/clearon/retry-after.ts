/** Longest wait taken from a Retry-After header; a larger value is treated as this. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Reads an HTTP Retry-After value (delay in seconds, or an HTTP date) as milliseconds from `now`.
 * Undefined when absent or unreadable; a date in the past gives 0.
 */
export const parseRetryAfter = (
  value: string | undefined | null,
  now: number = Date.now()
): number | undefined => {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) {
    return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  }
  // Only HTTP dates: Date.parse would also accept "1.5" or "-3" as years.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - now, 0), MAX_RETRY_AFTER_MS);
};
