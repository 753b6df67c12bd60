import { decideRetry, type IssueOutcome } from '../clearon';
import type { ClearonPluginConfig } from '../config';

/** What a try at ClearOn came to, for the worker to write. */
export type Result =
  | { status: 'issued'; outcome: Extract<IssueOutcome, { kind: 'issued' }> }
  | { status: 'retry'; code: string; reason: string; delayMs?: number }
  | { status: 'failed'; code: string; reason: string }
  /** The integration's circuit is open: parked, no attempt spent. */
  | { status: 'wait'; integration: string; reason: string };

export type RecordedAs = 'issued' | 'retried' | 'failed' | 'dead' | 'attention';

export type SettledStatus = 'issued' | 'pending' | 'failed' | 'dead' | 'needs_attention';

/** The coupon as the plan needs it. */
export interface PlannedCoupon {
  attempts: number;
  incompleteAnswers?: number | null;
  /** When its retry time started (creation or an admin's retry), epoch ms; null: unknown. */
  startedAt: number | null;
}

/**
 * What to write for a result that is not `issued`: the row's new fields, the status it settles in,
 * and for a retry the delay before the next try (on the database's clock). `park` is a coupon
 * whose circuit is open and whose time is not up: pending, untouched attempts, until `until`.
 */
export type Plan =
  | {
      kind: 'write';
      recorded: RecordedAs;
      status: SettledStatus;
      lastError: string;
      data: Record<string, unknown>;
      /** Next try this long after now (pending only). */
      delayMs?: number;
    }
  | { kind: 'park'; until: number; reason: string };

/** A datetime as the database driver gives it (Date, epoch ms on SQLite, or text), in epoch ms. */
export const epochOf = (value: string | Date | number | null | undefined): number | null => {
  if (value === null || value === undefined) return null;
  const time =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'number'
        ? value
        : Number.isNaN(Number(value))
          ? Date.parse(value)
          : Number(value);
  return Number.isNaN(time) ? null : time;
};

/** A duration in words: `72 h`, `10 min`, `2 s`. */
export const durationText = (ms: number) => {
  if (ms >= 3_600_000) return `${Math.round(ms / 360_000) / 10} h`;
  if (ms >= 60_000) return `${Math.round(ms / 6_000) / 10} min`;
  return `${Math.round(ms / 100) / 10} s`;
};

/** Plans the write of a result other than `issued`, at `now` (the database's clock, epoch ms). */
export const planResult = (
  coupon: PlannedCoupon,
  result: Exclude<Result, { status: 'issued' }>,
  worker: ClearonPluginConfig['worker'],
  now: number,
  random: () => number = Math.random
): Plan => {
  const attempts = coupon.attempts + 1;
  if (result.status === 'failed') {
    return {
      kind: 'write',
      recorded: 'failed',
      status: 'failed',
      lastError: result.reason,
      data: { status: 'failed', attempts, last_error: result.reason, last_error_code: result.code },
    };
  }
  const startedAt = coupon.startedAt ?? now;
  // Waits for Retry-After and for a closed circuit are not the coupon's tries: no attempt spent.
  const counted =
    result.status === 'wait' || (result.status === 'retry' && result.code === 'rate_limited')
      ? coupon.attempts
      : attempts;
  const decision = decideRetry(
    {
      attempts: Math.max(1, counted),
      startedAt,
      now,
      minDelayMs: result.status === 'retry' ? result.delayMs : undefined,
    },
    worker,
    random
  );
  const code = result.status === 'wait' ? 'circuit_open' : result.code;
  /** Pending again, due after the backoff; `extra` columns written with it. */
  const retried = (extra: Record<string, unknown>) => ({
    kind: 'write' as const,
    recorded: 'retried' as const,
    status: 'pending' as const,
    lastError: result.reason,
    delayMs: decision.kind === 'dead' ? 0 : decision.delayMs,
    data: {
      status: 'pending',
      attempts: counted,
      ...extra,
      last_error: result.reason,
      last_error_code: code,
    },
  });
  if (decision.kind === 'dead') {
    // Dead while its circuit was open: ClearOn could not be reached (nothing waits any more).
    const deadCode = result.status === 'wait' ? 'unreachable' : code;
    const lastError = `Gave up after ${durationText(worker.retryForMs)} of retries (${counted} attempts): ${result.reason}`;
    return {
      kind: 'write',
      recorded: 'dead',
      status: 'dead',
      lastError,
      data: { status: 'dead', attempts: counted, last_error: lastError, last_error_code: deadCode },
    };
  }
  if (result.status === 'wait') {
    return { kind: 'park', until: decision.deadline, reason: result.reason };
  }
  if (result.code === 'incomplete_answer') {
    const incomplete = (coupon.incompleteAnswers ?? 0) + 1;
    if (incomplete >= worker.incompleteAnswerLimit) {
      const lastError = `${result.reason}, ${incomplete} times: check at ClearOn whether it made the coupon of this reference, then retry`;
      return {
        kind: 'write',
        recorded: 'attention',
        status: 'needs_attention',
        lastError,
        data: {
          status: 'needs_attention',
          attempts: counted,
          incomplete_answers: incomplete,
          last_error: lastError,
          last_error_code: code,
        },
      };
    }
    return retried({ incomplete_answers: incomplete });
  }
  return retried({});
};
