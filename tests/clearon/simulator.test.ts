import { ean13CheckDigit } from '../../simulator/src/coupon-factory';
import { startSimulator, type Simulator } from '../../simulator/src';

const KEY = 'test-key';

interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

const issueBody = (overrides: Record<string, unknown> = {}) => ({
  couponCode: 'DEMO10',
  validityDays: 10,
  delivery: 'email',
  recipient: { email: 'eve@example.se' },
  reference: `ref_${Math.random().toString(36).slice(2)}`,
  campaign: { id: 'c1', name: 'Demo' },
  ...overrides,
});

describe('ClearOn simulator', () => {
  let simulator: Simulator;

  const post = async (
    body: unknown,
    headers: Record<string, string> = {},
    url = simulator.endpoint
  ): Promise<Answer> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { Authorization: KEY, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: res.status,
      headers: res.headers,
      json: (await res.json()) as Record<string, unknown>,
    };
  };
  const control = (command: unknown) => post(command, {}, `${simulator.url}/__control`);
  const errorOf = (answer: Answer) => answer.json.error as { code: string; message: string };

  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterEach(() => simulator.reset());
  afterAll(() => simulator.close());

  it('listens on 127.0.0.1 and names its endpoint', () => {
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(simulator.endpoint).toBe(`${simulator.url}/v1/coupons`);
  });

  it('issues a coupon: 7-digit code, valid EAN-13, expiry validityDays ahead', async () => {
    const { status, json } = await post(issueBody({ validityDays: 10 }));
    expect(status).toBe(201);
    expect(json.code).toMatch(/^[1-9]\d{6}$/);
    const ean = String(json.ean);
    expect(ean).toMatch(/^\d{13}$/);
    expect(ean13CheckDigit(ean.slice(0, 12))).toBe(ean[12]);
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(json.expiresAt).toBe(`${day}T23:59:59Z`);
    expect(json.delivery).toEqual({ channel: 'email', status: 'queued' });
  });

  it('computes EAN-13 check digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe('1');
    expect(ean13CheckDigit('590123412345')).toBe('7');
  });

  it('replays the same coupon for the same reference and body, 409 for another body', async () => {
    const body = issueBody({ recipient: { firstName: 'Eve', email: 'eve@example.se' } });
    const first = await post(body);
    // Same recipient in another key order is the same request.
    const again = await post({ ...body, recipient: { email: 'eve@example.se', firstName: 'Eve' } });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json).toEqual(first.json);
    const conflict = await post({ ...body, delivery: 'none' });
    expect(conflict.status).toBe(409);
    expect(errorOf(conflict).code).toBe('reference_conflict');
    expect(simulator.coupons.size).toBe(1);
    expect(simulator.coupons.get(body.reference)?.couponId).toBe(first.json.couponId);
  });

  it('answers 409 reference_conflict when the campaign of a reference changes (renamed, or another)', async () => {
    const body = issueBody();
    expect((await post(body)).status).toBe(201);
    const renamed = await post({ ...body, campaign: { id: 'c1', name: 'Demo, renamed' } });
    expect(renamed.status).toBe(409);
    expect(errorOf(renamed).code).toBe('reference_conflict');
    expect((await post({ ...body, campaign: { id: 'c2', name: 'Demo' } })).status).toBe(409);
    expect((await post(body)).status).toBe(200);
  });

  it('serves the redeem page as escaped HTML with the code, EAN and expiry', async () => {
    const { json } = await post(issueBody({ couponCode: '<b>X&Y</b>' }));
    const page = await fetch(String(json.redeemUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain(String(json.code));
    expect(html).toContain(String(json.ean));
    expect(html).toContain(String(json.expiresAt).slice(0, 10));
    expect(html).toContain('&lt;b&gt;X&amp;Y&lt;/b&gt;');
    expect(html).not.toContain('<b>X');
    expect((await fetch(`${simulator.url}/c/cpn_nope`)).status).toBe(404);
  });

  it('dryRun answers ok and creates nothing', async () => {
    const answer = await post(issueBody({ dryRun: true, recipient: {} }));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: true, couponCode: 'DEMO10' });
    expect(simulator.coupons.size).toBe(0);
  });

  it('401 for a missing or wrong key', async () => {
    const wrong = await post(issueBody(), { Authorization: 'other' });
    expect(wrong.status).toBe(401);
    expect(errorOf(wrong).code).toBe('unauthorized');
    const res = await fetch(simulator.endpoint, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });

  it('404 for an unknown coupon code; knownCoupons restricts the codes', async () => {
    expect((await post(issueBody({ couponCode: 'UNKNOWN_X' }))).status).toBe(404);
    const strict = await startSimulator({ knownCoupons: ['ONLY'] });
    try {
      const res = (couponCode: string) =>
        post(issueBody({ couponCode }), {}, strict.endpoint).then((a) => a.status);
      expect(await res('ONLY')).toBe(201);
      expect(await res('DEMO10')).toBe(404);
    } finally {
      await strict.close();
    }
  });

  it.each([
    [{ delivery: 'email', recipient: { email: 'not an email' } }, 'recipient.email'],
    [{ delivery: 'email', recipient: { phone: '+46701234567' } }, 'recipient.email'],
    [{ delivery: 'sms', recipient: { phone: '0701234567' } }, 'recipient.phone'],
  ])('422 for %p', async (overrides, field) => {
    const answer = await post(issueBody(overrides));
    expect(answer.status).toBe(422);
    expect(errorOf(answer)).toMatchObject({ code: 'invalid_recipient' });
    expect(errorOf(answer).message).toContain(field);
  });

  it.each([
    ['not json', 'JSON'],
    [[1, 2], 'JSON object'],
    [issueBody({ couponCode: '' }), 'couponCode'],
    [issueBody({ couponCode: 'x'.repeat(65) }), 'couponCode'],
    [issueBody({ validityDays: 1.5 }), 'validityDays'],
    [issueBody({ validityDays: 0 }), 'validityDays'],
    [issueBody({ validityDays: 3651 }), 'validityDays'],
    [issueBody({ validityDays: '30' }), 'validityDays'],
    [issueBody({ delivery: 'fax' }), 'delivery'],
    [issueBody({ reference: undefined }), 'reference'],
    [issueBody({ recipient: undefined }), 'recipient'],
    [issueBody({ recipient: { email: 3 } }), 'recipient.email'],
    [issueBody({ dryRun: 'yes' }), 'dryRun'],
  ])('400 for %p names %s', async (body, field) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('invalid_request');
    expect(errorOf(answer).message).toContain(field);
  });

  it('400 when Idempotency-Key and reference differ', async () => {
    const answer = await post(issueBody({ reference: 'a' }), { 'Idempotency-Key': 'b' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).message).toContain('Idempotency-Key');
  });

  it('accepts 3650 days and 64-character coupon codes', async () => {
    expect((await post(issueBody({ validityDays: 3650, couponCode: 'C'.repeat(64) }))).status).toBe(
      201
    );
  });

  describe('switches over HTTP', () => {
    it('failNext answers the next requests with the status and Retry-After', async () => {
      expect(
        (await control({ failNext: { count: 2, status: 429, retryAfterSeconds: 4 } })).status
      ).toBe(200);
      const first = await post(issueBody());
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('4');
      expect(errorOf(first).code).toBe('rate_limited');
      expect((await post(issueBody())).status).toBe(429);
      expect((await post(issueBody())).status).toBe(201);
    });

    it('outage drops endpoint connections but keeps /__control and /__record', async () => {
      await control({ outage: true });
      await expect(post(issueBody())).rejects.toThrow();
      const record = await fetch(`${simulator.url}/__record`);
      expect(record.status).toBe(200);
      await control({ outage: false });
      expect((await post(issueBody())).status).toBe(201);
    });

    it('latencyMs delays the endpoint answers', async () => {
      await control({ latencyMs: 300 });
      const started = Date.now();
      expect((await post(issueBody())).status).toBe(201);
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    });

    it('errorRate 1 fails every request with errorStatus', async () => {
      await control({ errorRate: 1, errorStatus: 502 });
      expect((await post(issueBody())).status).toBe(502);
      await control({ errorRate: 0 });
      expect((await post(issueBody())).status).toBe(201);
    });

    it('rateLimit answers 429 every Nth request, null turns it off', async () => {
      await control({ rateLimit: { retryAfterSeconds: 3, every: 2 } });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await post(issueBody())).status);
      expect(statuses).toEqual([201, 429, 201, 429]);
      await control({ rateLimit: null });
      expect((await post(issueBody())).status).toBe(201);
    });

    it('reset forgets requests, coupons and switches', async () => {
      await post(issueBody());
      await control({ errorRate: 1 });
      await control({ reset: true });
      expect(simulator.received).toHaveLength(0);
      expect(simulator.coupons.size).toBe(0);
      expect((await post(issueBody())).status).toBe(201);
    });

    it.each([
      [{ errorRate: 2 }, 'errorRate'],
      [{ latencyMs: -1 }, 'latencyMs'],
      [{ failNext: { count: 1 } }, 'failNext'],
      [{ rateLimit: { every: 2 } }, 'rateLimit'],
      [{ outage: 'yes' }, 'outage'],
      ['[]', 'JSON object'],
    ])('refuses the control body %p', async (command, field) => {
      const answer = await control(command);
      expect(answer.status).toBe(400);
      expect(errorOf(answer).message).toContain(field);
    });

    it('/__record lists requests (from ?since=N) and coupons', async () => {
      const body = issueBody();
      await post(body);
      await post(issueBody({ couponCode: 'UNKNOWN' }));
      const all = (await (await fetch(`${simulator.url}/__record`)).json()) as {
        received: { status: number; body: unknown; headers: Record<string, string> }[];
        next: number;
        coupons: { reference: string }[];
      };
      expect(all.received.map((r) => r.status)).toEqual([201, 404]);
      expect(all.received[0].body).toEqual(body);
      expect(all.received[0].headers.authorization).toBe(KEY);
      expect(all.next).toBe(2);
      expect(all.coupons.map((c) => c.reference)).toEqual([body.reference]);
      const later = (await (await fetch(`${simulator.url}/__record?since=1`)).json()) as {
        received: { status: number }[];
      };
      expect(later.received.map((r) => r.status)).toEqual([404]);
    });
  });
});
