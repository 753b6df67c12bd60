import fc from 'fast-check';
import { backoffDelay } from '../../server/src/clearon';

describe('backoffDelay', () => {
  const options = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles the ceiling with each attempt (random at its top)', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, options, top))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('never goes above maxMs, even for huge attempt numbers', () => {
    expect(backoffDelay(7, options, () => 1)).toBe(60_000);
    expect(backoffDelay(5_000, options, () => 1)).toBe(60_000);
  });

  it('uses full jitter: random 0 gives 0, random 0.5 gives half the ceiling', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.5)).toBe(2_000);
  });

  it('equal jitter keeps at least half the ceiling', () => {
    expect(backoffDelay(3, { ...options, jitter: 'equal' }, () => 0)).toBe(2_000);
    expect(backoffDelay(3, { ...options, jitter: 'equal' }, () => 1)).toBe(4_000);
  });

  it('treats attempt 0, negative or NaN as the first attempt', () => {
    for (const attempt of [0, -4, Number.NaN]) {
      expect(backoffDelay(attempt, options, () => 1)).toBe(1_000);
    }
  });

  it('stays within [0, min(maxMs, baseMs * 2^(attempt-1))] for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<'full' | 'equal'>('full', 'equal'),
        (attempt, baseMs, maxMs, random, jitter) => {
          const delay = backoffDelay(attempt, { baseMs, maxMs, jitter }, () => random);
          const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(jitter === 'equal' ? Math.floor(ceiling / 2) : 0);
          expect(delay).toBeLessThanOrEqual(Math.ceil(ceiling));
        }
      )
    );
  });

  it('spreads delays with the real Math.random', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(10, options)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
