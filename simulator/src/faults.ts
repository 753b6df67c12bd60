import type { FailNext, RateLimit } from './types';

/** What a fault does to one endpoint request, instead of the normal answer. */
export type Fault =
  { kind: 'drop' } | { kind: 'status'; status: number; retryAfterSeconds?: number };

/** The simulator's switches (latency and injected failures) and the choice they make per request. */
export interface Faults {
  latencyMs: number;
  setErrorRate(rate: number, status?: number): void;
  failNext(next: FailNext): void;
  setRateLimit(limit: RateLimit | null): void;
  setOutage(down: boolean): void;
  /** Called once per endpoint request, in arrival order. */
  next(): Fault | null;
  reset(): void;
}

export const createFaults = (
  initialLatencyMs: number,
  random: () => number = Math.random
): Faults => {
  let errorRate = 0;
  let errorStatus = 503;
  let outage = false;
  let rateLimit: RateLimit | null = null;
  let rateLimitCount = 0;
  let failures: FailNext[] = [];

  const faults: Faults = {
    latencyMs: initialLatencyMs,
    setErrorRate(rate, status = 503) {
      errorRate = Math.min(Math.max(rate, 0), 1);
      errorStatus = status;
    },
    failNext(next) {
      if (next.count > 0) failures.push({ ...next });
    },
    setRateLimit(limit) {
      rateLimit = limit;
      rateLimitCount = 0;
    },
    setOutage(down) {
      outage = down;
    },
    next() {
      if (outage) return { kind: 'drop' };
      const failure = failures[0];
      if (failure) {
        failure.count -= 1;
        if (failure.count <= 0) failures.shift();
        return {
          kind: 'status',
          status: failure.status,
          retryAfterSeconds: failure.retryAfterSeconds,
        };
      }
      if (rateLimit) {
        rateLimitCount += 1;
        if (rateLimitCount % Math.max(1, rateLimit.every ?? 1) === 0) {
          return { kind: 'status', status: 429, retryAfterSeconds: rateLimit.retryAfterSeconds };
        }
      }
      if (errorRate > 0 && random() < errorRate) return { kind: 'status', status: errorStatus };
      return null;
    },
    reset() {
      faults.latencyMs = initialLatencyMs;
      errorRate = 0;
      errorStatus = 503;
      outage = false;
      rateLimit = null;
      rateLimitCount = 0;
      failures = [];
    },
  };
  return faults;
};
