import type { ControlCommand, FailNext, RateLimit } from './types';
import { CAPTCHA_MODES, type CaptchaMode } from './siteverify';

export type ControlParse = { ok: true; command: ControlCommand } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isStatus = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 200 && value <= 599;

const parseRateLimit = (value: unknown): RateLimit | null | string => {
  if (value === null) return null;
  if (!isObject(value) || !isCount(value.retryAfterSeconds)) {
    return 'rateLimit must be null or {retryAfterSeconds, every?}';
  }
  if (value.every !== undefined && !(isCount(value.every) && value.every >= 1)) {
    return 'rateLimit.every must be a whole number from 1';
  }
  return {
    retryAfterSeconds: value.retryAfterSeconds,
    ...(value.every !== undefined ? { every: value.every as number } : {}),
  };
};

const parseFailNext = (value: unknown): FailNext | string => {
  if (!isObject(value) || !isCount(value.count) || !isStatus(value.status)) {
    return 'failNext must be {count, status (200..599), retryAfterSeconds?}';
  }
  if (value.retryAfterSeconds !== undefined && !isCount(value.retryAfterSeconds)) {
    return 'failNext.retryAfterSeconds must be a whole number';
  }
  return {
    count: value.count,
    status: value.status,
    ...(value.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: value.retryAfterSeconds as number }
      : {}),
  };
};

/** Reads a `POST /__control` body; the message names the first field that is wrong. */
export const parseControl = (body: unknown): ControlParse => {
  const fail = (message: string): ControlParse => ({ ok: false, message });
  if (!isObject(body)) return fail('The control body must be a JSON object');
  const command: ControlCommand = {};
  if (body.reset !== undefined) {
    if (body.reset !== true) return fail('reset must be true');
    command.reset = true;
  }
  if (body.latencyMs !== undefined) {
    if (!isCount(body.latencyMs)) return fail('latencyMs must be a whole number of ms');
    command.latencyMs = body.latencyMs;
  }
  if (body.errorRate !== undefined) {
    const rate = body.errorRate;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      return fail('errorRate must be a number from 0 to 1');
    }
    command.errorRate = rate;
  }
  if (body.errorStatus !== undefined) {
    if (!isStatus(body.errorStatus)) return fail('errorStatus must be an HTTP status');
    command.errorStatus = body.errorStatus;
  }
  if (body.outage !== undefined) {
    if (typeof body.outage !== 'boolean') return fail('outage must be true or false');
    command.outage = body.outage;
  }
  if (body.rateLimit !== undefined) {
    const rateLimit = parseRateLimit(body.rateLimit);
    if (typeof rateLimit === 'string') return fail(rateLimit);
    command.rateLimit = rateLimit;
  }
  if (body.failNext !== undefined) {
    const failNext = parseFailNext(body.failNext);
    if (typeof failNext === 'string') return fail(failNext);
    command.failNext = failNext;
  }
  if (body.captcha !== undefined) {
    if (!CAPTCHA_MODES.includes(body.captcha as CaptchaMode)) {
      return fail(`captcha must be one of ${CAPTCHA_MODES.join(', ')}`);
    }
    command.captcha = body.captcha as CaptchaMode;
  }
  return { ok: true, command };
};
