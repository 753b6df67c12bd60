import { classifyFailure, classifyResponse, type HttpAnswer } from '../../server/src/clearon';
import { safeRemoteMessage } from '../../server/src/clearon/safe-text';
import { API_KEY, EMAIL, PHONE, expectNoSecrets, issueInput } from './helpers';

const context = { input: issueInput({ couponCode: 'SUMMER10' }), secrets: [API_KEY, EMAIL, PHONE] };
const answer = (status: number, body: unknown = '', retryAfter?: string): HttpAnswer => ({
  status,
  retryAfter,
  bodyText: typeof body === 'string' ? body : JSON.stringify(body),
});
const coupon = {
  couponId: 'cpn_1',
  code: '4821937',
  ean: '2391234567890',
  redeemUrl: 'https://clearon.example/c/cpn_1',
  expiresAt: '2026-12-27T23:59:59Z',
  delivery: { channel: 'email', status: 'queued' },
};

describe('classifyResponse', () => {
  it('reads a 201 as a new coupon and a 200 as a replay', () => {
    expect(classifyResponse(answer(201, coupon), context)).toEqual({
      kind: 'issued',
      replayed: false,
      coupon: {
        couponId: 'cpn_1',
        code: '4821937',
        ean: '2391234567890',
        redeemUrl: 'https://clearon.example/c/cpn_1',
        expiresAt: '2026-12-27T23:59:59Z',
        deliveryChannel: 'email',
        deliveryStatus: 'queued',
      },
    });
    expect(classifyResponse(answer(200, coupon), context)).toMatchObject({
      kind: 'issued',
      replayed: true,
    });
  });

  it.each(['couponId', 'code', 'redeemUrl', 'expiresAt'])(
    'takes a success body without %s for an incomplete answer, to ask again (the coupon may exist)',
    (field) => {
      const body: Record<string, unknown> = { ...coupon };
      delete body[field];
      expect(classifyResponse(answer(201, body), context)).toMatchObject({
        kind: 'retryable',
        code: 'incomplete_answer',
        status: 201,
      });
    }
  );

  it('refuses a success body that is not JSON', () => {
    const outcome = classifyResponse(answer(201, '<html>Welcome</html>'), context);
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unexpected_response' });
  });

  it('reads a dry-run answer only for a dry-run request', () => {
    const dry = { ...context, input: { ...context.input, dryRun: true } };
    expect(classifyResponse(answer(200, { ok: true, couponCode: 'SUMMER10' }), dry)).toEqual({
      kind: 'dry-run-ok',
      couponCode: 'SUMMER10',
    });
    expect(classifyResponse(answer(200, { ok: true }), context)).toMatchObject({
      kind: 'retryable',
      code: 'incomplete_answer',
    });
  });

  it('takes a 404 without ClearOn error body for a wrong endpoint, not an unknown coupon', () => {
    expect(classifyResponse(answer(404, '<h1>Not Found</h1>'), context)).toMatchObject({
      kind: 'permanent',
      code: 'unexpected_response',
      status: 404,
    });
  });

  it.each([
    [301, 'permanent', 'redirect'],
    [307, 'permanent', 'redirect'],
    [408, 'retryable', 'timeout'],
    [418, 'permanent', 'unexpected_response'],
    [202, 'permanent', 'unexpected_response'],
    [500, 'retryable', 'server_error'],
    [599, 'retryable', 'server_error'],
  ])('classifies status %i as %s %s', (status, kind, code) => {
    expect(classifyResponse(answer(status), context)).toMatchObject({ kind, code, status });
  });

  it('takes Retry-After from a 503 too, as an HTTP date', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    const outcome = classifyResponse(answer(503, '', 'Mon, 01 Jun 2026 12:01:00 GMT'), {
      ...context,
      now,
    });
    expect(outcome).toMatchObject({
      kind: 'retryable',
      code: 'server_error',
      retryAfterMs: 60_000,
    });
  });

  it("adds ClearOn's own message to a 400, with secrets, links, emails and phones removed", () => {
    const message = `recipient ${EMAIL} / 070-123 45 67 / ${PHONE} with key ${API_KEY}, see https://x.example/doc?k=1 (validityDays 1 to 3650)`;
    const outcome = classifyResponse(
      answer(400, { error: { code: 'invalid_request', message } }),
      context
    );
    if (outcome.kind !== 'permanent') throw new Error(outcome.kind);
    expectNoSecrets(outcome.reason);
    expect(outcome.reason).not.toContain('070-123');
    expect(outcome.reason).toContain('validityDays 1 to 3650');
    expect(outcome.reason).toMatch(/^ClearOn rejected the request as invalid \(400\): /);
  });
});

describe('safeRemoteMessage', () => {
  it('keeps short plain text, strips control characters and cuts long text', () => {
    expect(safeRemoteMessage('couponCode\u0000 is\n too long', [])).toBe('couponCode is too long');
    expect(safeRemoteMessage('x'.repeat(500), []).length).toBeLessThanOrEqual(160);
  });
});

describe('classifyFailure', () => {
  const where = { host: 'api.clearon.example', timeoutMs: 5_000, maxResponseBytes: 65_536 };

  it.each([
    [{ code: 'ETIMEDOUT', deadlineHit: false }, 'timeout', 'ClearOn did not answer within 5000 ms'],
    [{ code: 'ERR_CANCELED', deadlineHit: true }, 'timeout', 'within 5000 ms'],
    [{ code: 'ECONNREFUSED', deadlineHit: false }, 'unreachable', 'connection refused'],
    [{ code: 'ENOTFOUND', deadlineHit: false }, 'unreachable', 'could not be resolved'],
    [{ code: 'ECONNRESET', deadlineHit: false }, 'unreachable', 'closed the connection'],
    [{ code: 'CERT_HAS_EXPIRED', deadlineHit: false }, 'unreachable', 'TLS certificate'],
    [{ code: undefined, deadlineHit: false }, 'unreachable', 'failed'],
  ])('classifies %p as retryable %s', (failure, code, words) => {
    const outcome = classifyFailure(failure, where);
    expect(outcome).toMatchObject({ kind: 'retryable', code });
    expect(outcome.kind !== 'issued' && outcome.kind !== 'dry-run-ok' && outcome.reason).toContain(
      words
    );
  });

  it('classifies a too large answer as permanent', () => {
    const outcome = classifyFailure(
      {
        code: 'ERR_BAD_RESPONSE',
        message: 'maxContentLength size of 65536 exceeded',
        deadlineHit: false,
      },
      where
    );
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unexpected_response' });
    expect(outcome.kind === 'permanent' && outcome.reason).toContain('64 KiB');
  });
});
