import {
  decideRetry,
  freezeIssueBody,
  thawIssueBody,
  type IssueCouponInput,
} from '../../server/src/clearon';
import { defaultConfig } from '../../server/src/config';
import { planResult } from '../../server/src/services/issuer-record';

const HOUR = 3_600_000;
const worker = defaultConfig.worker;

/** Every try of a coupon that ClearOn never answers, from its creation at 0 until it is dead. */
const tries = (random: () => number) => {
  const at: number[] = [];
  let now = 0;
  for (let attempts = 1; attempts < 100_000; attempts++) {
    at.push(now);
    const decision = decideRetry({ attempts, startedAt: 0, now }, worker, random);
    if (decision.kind === 'dead') return { at, deadAt: now };
    now += decision.delayMs;
  }
  throw new Error('never dead');
};

describe('the retry policy', () => {
  it('by default retries for 72 h, at most 10 min apart, and gives up only then', () => {
    expect(worker.retryForMs).toBe(72 * HOUR);
    expect(worker.backoffMaxMs).toBe(10 * 60_000);
    for (const random of [() => 1, () => 0.5, Math.random]) {
      const { at, deadAt } = tries(random);
      // Still tried at 72 h (the last try is at the deadline), dead no sooner.
      expect(at[at.length - 1]).toBe(72 * HOUR);
      expect(deadAt).toBe(72 * HOUR);
      const gaps = at.slice(1).map((t, i) => t - at[i]);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(10 * 60_000);
    }
    // With the jitter at its top, a coupon is tried about every 10 minutes: not a hammering.
    expect(tries(() => 1).at.length).toBeLessThan(450);
  });

  it('a three-minute outage is nowhere near the end (the old 8 attempts ended in about 2 min)', () => {
    const decision = decideRetry({ attempts: 8, startedAt: 0, now: 3 * 60_000 }, worker, () => 1);
    expect(decision).toMatchObject({ kind: 'retry', delayMs: 128_000 });
  });

  it("honours a longer Retry-After, never past the coupon's deadline", () => {
    const policy = { retryForMs: 60_000, backoffBaseMs: 100, backoffMaxMs: 1_000 };
    expect(decideRetry({ attempts: 1, startedAt: 0, now: 0, minDelayMs: 5_000 }, policy)).toEqual({
      kind: 'retry',
      delayMs: 5_000,
      deadline: 60_000,
    });
    expect(
      decideRetry({ attempts: 1, startedAt: 0, now: 58_000, minDelayMs: 5_000 }, policy)
    ).toMatchObject({ kind: 'retry', delayMs: 2_000 });
    expect(decideRetry({ attempts: 1, startedAt: 0, now: 60_000 }, policy).kind).toBe('dead');
  });
});

describe('what the worker writes after a failure', () => {
  const coupon = { attempts: 2, incompleteAnswers: 0, startedAt: 0 };
  const retry = (code: string) => ({ status: 'retry' as const, code, reason: 'r' });

  it('keeps a coupon pending until its time is up, then dead; an admin retry restarts the time', () => {
    expect(planResult(coupon, retry('server_error'), worker, 71 * HOUR)).toMatchObject({
      kind: 'write',
      status: 'pending',
      data: { attempts: 3 },
    });
    expect(planResult(coupon, retry('server_error'), worker, 72 * HOUR)).toMatchObject({
      kind: 'write',
      status: 'dead',
      lastError: 'Gave up after 72 h of retries (3 attempts): r',
    });
    const retriedLater = { ...coupon, startedAt: 100 * HOUR };
    expect(planResult(retriedLater, retry('server_error'), worker, 120 * HOUR)).toMatchObject({
      status: 'pending',
    });
  });

  it('spends no attempt on a Retry-After wait or on an open circuit (parked until the deadline)', () => {
    expect(planResult(coupon, retry('rate_limited'), worker, HOUR)).toMatchObject({
      data: { attempts: 2 },
    });
    const wait = { status: 'wait' as const, integration: 'i', reason: 'down' };
    expect(planResult(coupon, wait, worker, HOUR)).toEqual({
      kind: 'park',
      until: 72 * HOUR,
      reason: 'down',
    });
    expect(planResult(coupon, wait, worker, 72 * HOUR)).toMatchObject({
      status: 'dead',
      data: { attempts: 2, last_error_code: 'unreachable' },
    });
  });

  it('asks again after an incomplete 200/201, and needs attention after incompleteAnswerLimit', () => {
    const incomplete = retry('incomplete_answer');
    expect(worker.incompleteAnswerLimit).toBe(3);
    expect(planResult(coupon, incomplete, worker, HOUR)).toMatchObject({
      status: 'pending',
      data: { incomplete_answers: 1 },
    });
    expect(planResult({ ...coupon, incompleteAnswers: 2 }, incomplete, worker, HOUR)).toMatchObject(
      { status: 'needs_attention', data: { incomplete_answers: 3 } }
    );
  });

  it('fails at once on a permanent error', () => {
    const failed = { status: 'failed' as const, code: 'unknown_coupon', reason: 'no' };
    expect(planResult(coupon, failed, worker, 0)).toMatchObject({ status: 'failed' });
  });
});

describe('the frozen request body', () => {
  const input: IssueCouponInput = {
    couponCode: 'SUMMER10',
    validityDays: 30,
    delivery: 'sms',
    recipient: { phone: '+46701234567', firstName: 'Åsa "the" Ö' },
    reference: 'cl_1',
    campaign: { id: 'c1', name: 'Sommar – quiz' },
  };

  it('thaws back to the input that makes the very same bytes', () => {
    const frozen = freezeIssueBody(input);
    expect(JSON.parse(frozen)).toMatchObject({ dryRun: false, campaign: input.campaign });
    const thawed = thawIssueBody(frozen);
    expect(thawed).toEqual(input);
    expect(freezeIssueBody(thawed!)).toBe(frozen);
  });

  it('is not used when absent, erased or not written by the plugin', () => {
    expect(thawIssueBody(null)).toBeNull();
    expect(thawIssueBody('not json')).toBeNull();
    expect(thawIssueBody(JSON.stringify({ couponCode: 'X' }))).toBeNull();
    const reordered = JSON.stringify({ ...JSON.parse(freezeIssueBody(input)), extra: 1 });
    expect(thawIssueBody(reordered)).toBeNull();
  });
});
