import { version } from '../../package.json';
import { createClearonClient, type IssueOutcome } from '../../server/src/clearon';
import { startSimulator, type Simulator } from '../../simulator/src';
import {
  API_KEY,
  EMAIL,
  PHONE,
  expectNoSecrets,
  issueInput,
  loopbackAllowed,
  targetFor,
} from './helpers';

const reasonOf = (outcome: IssueOutcome) =>
  outcome.kind === 'retryable' || outcome.kind === 'permanent' ? outcome.reason : '';

describe('ClearOn client against the simulator', () => {
  let simulator: Simulator;
  const client = createClearonClient({ network: loopbackAllowed });
  const target = () => targetFor(simulator.endpoint);

  beforeAll(async () => {
    simulator = await startSimulator({ apiKeys: [API_KEY] });
  });
  afterEach(() => simulator.reset());
  afterAll(() => simulator.close());

  it('201: a new coupon', async () => {
    const outcome = await client.issue(target(), issueInput());
    if (outcome.kind !== 'issued')
      throw new Error(`expected issued, got ${JSON.stringify(outcome)}`);
    expect(outcome.replayed).toBe(false);
    expect(outcome.coupon).toEqual({
      couponId: expect.stringMatching(/^cpn_[0-9a-f]{26}$/),
      code: expect.stringMatching(/^\d{7}$/),
      ean: expect.stringMatching(/^\d{13}$/),
      redeemUrl: `${simulator.url}/c/${outcome.coupon.couponId}`,
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT23:59:59Z$/),
      deliveryChannel: 'email',
      deliveryStatus: 'queued',
    });
  });

  it('sends exactly the contract request', async () => {
    const input = issueInput({ dryRun: false });
    await client.issue(target(), input);
    expect(simulator.received).toHaveLength(1);
    const [request] = simulator.received;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/coupons', status: 201 });
    expect(request.headers).toMatchObject({
      authorization: API_KEY,
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': input.reference,
      'user-agent': `strapi-plugin-clearon/${version}`,
    });
    expect(request.body).toEqual({
      couponCode: 'SUMMER10',
      validityDays: 30,
      delivery: 'email',
      recipient: { email: EMAIL, phone: PHONE, firstName: 'Ada' },
      reference: input.reference,
      campaign: { id: 'k3j2abc', name: 'Summer quiz' },
      dryRun: false,
    });
  });

  it('200: the same reference twice is one coupon, the second answer a replay', async () => {
    const input = issueInput();
    const first = await client.issue(target(), input);
    const second = await client.issue(target(), input);
    expect(first).toMatchObject({ kind: 'issued', replayed: false });
    expect(second).toMatchObject({ kind: 'issued', replayed: true });
    expect(second.kind === 'issued' && second.coupon).toEqual(
      first.kind === 'issued' && first.coupon
    );
    expect(simulator.coupons.size).toBe(1);
    expect(simulator.received.map((r) => r.status)).toEqual([201, 200]);
  });

  it('a retry after a timeout gets the coupon ClearOn issued meanwhile', async () => {
    const input = issueInput();
    simulator.setLatency(600);
    const timedOut = await client.issue(targetFor(simulator.endpoint, { timeoutMs: 200 }), input);
    expect(timedOut).toMatchObject({ kind: 'retryable', code: 'timeout' });
    await new Promise((resolve) => setTimeout(resolve, 700));
    simulator.setLatency(0);
    const retried = await client.issue(target(), input);
    expect(retried).toMatchObject({ kind: 'issued', replayed: true });
    expect(simulator.coupons.size).toBe(1);
  });

  it('400: invalid_request, naming the field', async () => {
    const outcome = await client.issue(target(), issueInput({ validityDays: 0 }));
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'invalid_request', status: 400 });
    expect(reasonOf(outcome)).toContain('validityDays');
  });

  it('401: unauthorized for a wrong key', async () => {
    const outcome = await client.issue(
      targetFor(simulator.endpoint, { apiKey: 'wrong-key' }),
      issueInput()
    );
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unauthorized', status: 401 });
    expect(reasonOf(outcome)).toContain('ClearOn rejected the API key (401)');
    expect(reasonOf(outcome)).not.toContain('wrong-key');
  });

  it('403: unauthorized', async () => {
    simulator.failNext(1, 403);
    const outcome = await client.issue(target(), issueInput());
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unauthorized', status: 403 });
  });

  it('404: unknown_coupon, naming the coupon code', async () => {
    const outcome = await client.issue(target(), issueInput({ couponCode: 'UNKNOWN_OFFER' }));
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unknown_coupon', status: 404 });
    expect(reasonOf(outcome)).toContain('"UNKNOWN_OFFER"');
  });

  it('404 from a wrong endpoint path is not an unknown coupon', async () => {
    const outcome = await client.issue(targetFor(`${simulator.url}/v2/nope`), issueInput());
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unexpected_response', status: 404 });
    expect(reasonOf(outcome)).toContain('check the endpoint URL');
  });

  it('409: reference_conflict for the same reference with another body', async () => {
    const input = issueInput();
    await client.issue(target(), input);
    const outcome = await client.issue(target(), { ...input, validityDays: 60 });
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'reference_conflict', status: 409 });
    expect(simulator.coupons.size).toBe(1);
  });

  it('422: invalid_recipient for sms delivery without a phone', async () => {
    const outcome = await client.issue(
      target(),
      issueInput({ delivery: 'sms', recipient: { email: EMAIL } })
    );
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'invalid_recipient', status: 422 });
    expect(reasonOf(outcome)).toContain('phone number');
    expect(simulator.coupons.size).toBe(0);
  });

  it('429: rate_limited with Retry-After in ms', async () => {
    simulator.failNext(1, 429, { retryAfterSeconds: 7 });
    const outcome = await client.issue(target(), issueInput());
    expect(outcome).toMatchObject({
      kind: 'retryable',
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 7_000,
    });
    expect(reasonOf(outcome)).toContain('retry after 7 s');
  });

  it('429 from the rate limit switch, every second request', async () => {
    simulator.setRateLimit({ retryAfterSeconds: 2, every: 2 });
    const outcomes = [];
    for (let i = 0; i < 4; i += 1) outcomes.push(await client.issue(target(), issueInput()));
    expect(outcomes.map((o) => o.kind)).toEqual(['issued', 'retryable', 'issued', 'retryable']);
    expect(outcomes[1]).toMatchObject({ code: 'rate_limited', retryAfterMs: 2_000 });
  });

  it.each([500, 502, 503, 504])('%i: retryable server_error', async (status) => {
    simulator.failNext(1, status);
    const outcome = await client.issue(target(), issueInput());
    expect(outcome).toMatchObject({ kind: 'retryable', code: 'server_error', status });
    expect(simulator.coupons.size).toBe(0);
  });

  it('dryRun: validates key and coupon code, creates nothing', async () => {
    const outcome = await client.issue(target(), issueInput({ dryRun: true }));
    expect(outcome).toEqual({ kind: 'dry-run-ok', couponCode: 'SUMMER10' });
    expect(simulator.coupons.size).toBe(0);
    expect(
      await client.issue(target(), issueInput({ dryRun: true, couponCode: 'UNKNOWN1' }))
    ).toMatchObject({ kind: 'permanent', code: 'unknown_coupon' });
    expect(
      await client.issue(
        targetFor(simulator.endpoint, { apiKey: 'nope' }),
        issueInput({ dryRun: true })
      )
    ).toMatchObject({ kind: 'permanent', code: 'unauthorized' });
  });

  it('does not throw for a target it cannot use', async () => {
    await expect(client.issue(targetFor('not a url'), issueInput())).resolves.toMatchObject({
      kind: 'permanent',
      code: 'invalid_request',
    });
    expect(simulator.received).toHaveLength(0);
  });

  it('reasons never contain the API key, the email, the phone or a URL', async () => {
    const reasons: string[] = [];
    const collect = async (overrides = {}, targetOverrides = {}) => {
      const outcome = await client.issue(
        targetFor(simulator.endpoint, targetOverrides),
        issueInput(overrides)
      );
      reasons.push(reasonOf(outcome));
    };
    await collect({}, { apiKey: `${API_KEY}x` });
    await collect({ validityDays: 99999 });
    await collect({ couponCode: 'UNKNOWN' });
    await collect({ delivery: 'email', recipient: { email: 'not-an-email', phone: PHONE } });
    for (const status of [403, 429, 500, 503]) {
      simulator.failNext(1, status, { retryAfterSeconds: 1 });
      await collect();
    }
    simulator.setOutage(true);
    await collect();
    expect(reasons.filter((reason) => reason !== '')).toHaveLength(9);
    reasons.forEach(expectNoSecrets);
  });
});

describe('ClearOn client with another auth header name', () => {
  let simulator: Simulator;
  const client = createClearonClient({ userAgent: 'custom-agent/1', network: loopbackAllowed });

  beforeAll(async () => {
    simulator = await startSimulator({ apiKeys: ['Bearer abc 123'], authHeaderName: 'X-Api-Key' });
  });
  afterAll(() => simulator.close());

  it('sends the key under that header, exactly as entered', async () => {
    const outcome = await client.issue(
      targetFor(simulator.endpoint, { authHeaderName: 'X-Api-Key', apiKey: 'Bearer abc 123' }),
      issueInput()
    );
    expect(outcome).toMatchObject({ kind: 'issued' });
    const [request] = simulator.received;
    expect(request.headers['x-api-key']).toBe('Bearer abc 123');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['user-agent']).toBe('custom-agent/1');
  });

  it('is refused when the key travels under the default header', async () => {
    const outcome = await client.issue(
      targetFor(simulator.endpoint, { apiKey: 'Bearer abc 123' }),
      issueInput()
    );
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unauthorized', status: 401 });
  });
});
