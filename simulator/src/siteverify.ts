import type { IncomingMessage, ServerResponse } from 'http';
import { readBody, sendJson } from './http-io';

/** `POST /siteverify/turnstile` and `/siteverify/hcaptcha`: the providers' verify contract. */
export const SITEVERIFY_PATH = /^\/siteverify\/(turnstile|hcaptcha)$/;

/**
 * pass: a known secret and a non-empty token succeed; fail: every token is refused
 * (`invalid-input-response`); timeout: no answer until the client gives up; error: 500.
 */
export type CaptchaMode = 'pass' | 'fail' | 'timeout' | 'error';
export const CAPTCHA_MODES: CaptchaMode[] = ['pass', 'fail', 'timeout', 'error'];

export interface Verification {
  at: number;
  provider: string;
  secret: string;
  response: string;
  remoteip: string | null;
}

export interface SiteverifyStandIn {
  mode: CaptchaMode;
  verifications: Verification[];
  handle(req: IncomingMessage, res: ServerResponse, provider: string): Promise<void>;
  reset(): void;
}

/** A CAPTCHA provider's `siteverify`, for tests with no network. Secrets are compared exactly. */
export const createSiteverify = (secrets: string[]): SiteverifyStandIn => {
  const known = new Set(secrets);
  const stand: SiteverifyStandIn = {
    mode: 'pass',
    verifications: [],
    async handle(req, res, provider) {
      if (req.method !== 'POST') return sendJson(res, 405, { success: false, 'error-codes': [] });
      const read = await readBody(req);
      // Both providers take a form body (Turnstile also takes JSON).
      const text = read.ok ? read.text : '';
      const fields: Record<string, string> = {};
      if ((req.headers['content-type'] ?? '').includes('json')) {
        try {
          Object.assign(fields, JSON.parse(text));
        } catch {
          // an empty form
        }
      } else {
        for (const [key, value] of new URLSearchParams(text)) fields[key] = value;
      }
      stand.verifications.push({
        at: Date.now(),
        provider,
        secret: fields.secret ?? '',
        response: fields.response ?? '',
        remoteip: fields.remoteip ?? null,
      });
      if (stand.mode === 'timeout') return; // the socket stays open; close() ends it
      if (stand.mode === 'error') return sendJson(res, 500, { error: 'internal' });
      const codes: string[] = [];
      if (!fields.secret) codes.push('missing-input-secret');
      else if (!known.has(fields.secret)) codes.push('invalid-input-secret');
      if (!fields.response) codes.push('missing-input-response');
      else if (stand.mode === 'fail') codes.push('invalid-input-response');
      const success = codes.length === 0;
      sendJson(res, 200, {
        success,
        'error-codes': codes,
        ...(success ? { challenge_ts: new Date().toISOString(), hostname: 'localhost' } : {}),
      });
    },
    reset() {
      stand.mode = 'pass';
      stand.verifications.length = 0;
    },
  };
  return stand;
};
