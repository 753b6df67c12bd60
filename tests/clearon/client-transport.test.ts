import { createClearonClient, type IssueOutcome } from '../../server/src/clearon';
import { startSimulator, type Simulator } from '../../simulator/src';
import {
  API_KEY,
  closedPort,
  expectNoSecrets,
  issueInput,
  loopbackAllowed,
  startTinyServer,
  targetFor,
  type TinyServer,
} from './helpers';

const reasonOf = (outcome: IssueOutcome) =>
  outcome.kind === 'retryable' || outcome.kind === 'permanent' ? outcome.reason : '';

describe('ClearOn client: timeouts, network failures and odd answers', () => {
  const client = createClearonClient({ network: loopbackAllowed });
  let simulator: Simulator;
  const tinyServers: TinyServer[] = [];
  const tiny = async (...args: Parameters<typeof startTinyServer>) => {
    const server = await startTinyServer(...args);
    tinyServers.push(server);
    return server;
  };

  beforeAll(async () => {
    simulator = await startSimulator({ apiKeys: [API_KEY] });
  });
  afterEach(async () => {
    simulator.reset();
    await Promise.all(tinyServers.splice(0).map((server) => server.close()));
  });
  afterAll(() => simulator.close());

  it('timeout: ClearOn slower than timeoutMs', async () => {
    simulator.setLatency(2_000);
    const started = Date.now();
    const outcome = await client.issue(
      targetFor(simulator.endpoint, { timeoutMs: 300 }),
      issueInput()
    );
    const elapsed = Date.now() - started;
    expect(outcome).toEqual({
      kind: 'retryable',
      code: 'timeout',
      reason: 'ClearOn did not answer within 300 ms',
    });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('timeout: an answer that trickles in slower than timeoutMs', async () => {
    const slow = await tiny((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(drip));
    });
    const started = Date.now();
    const outcome = await client.issue(targetFor(slow.url, { timeoutMs: 400 }), issueInput());
    expect(outcome).toMatchObject({ kind: 'retryable', code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('connection refused: nothing listens on the port', async () => {
    const port = await closedPort();
    const outcome = await client.issue(
      targetFor(`http://127.0.0.1:${port}/v1/coupons`),
      issueInput()
    );
    expect(outcome).toEqual({
      kind: 'retryable',
      code: 'unreachable',
      reason: `Nothing accepts connections at 127.0.0.1:${port} (connection refused)`,
    });
  });

  it('outage: the connection is dropped without an answer', async () => {
    simulator.setOutage(true);
    const outcome = await client.issue(targetFor(simulator.endpoint), issueInput());
    expect(outcome).toMatchObject({ kind: 'retryable', code: 'unreachable' });
    expect(reasonOf(outcome)).toContain('closed the connection without answering');
    expect(simulator.received).toHaveLength(1);
    expect(simulator.received[0].status).toBe(0);
    expect(simulator.coupons.size).toBe(0);

    simulator.setOutage(false);
    expect(await client.issue(targetFor(simulator.endpoint), issueInput())).toMatchObject({
      kind: 'issued',
    });
  });

  it('redirect: a 302 is refused, not followed', async () => {
    const elsewhere = await tiny((_req, res) => res.end('{}'));
    const redirecting = await tiny((_req, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}/v1/coupons` });
      res.end();
    });
    const outcome = await client.issue(targetFor(redirecting.url), issueInput());
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'redirect', status: 302 });
    expect(reasonOf(outcome)).toContain('enter the final endpoint URL');
    expect(elsewhere.hits).toBe(0);
  });

  it('oversize: an answer larger than maxResponseBytes is refused', async () => {
    const huge = await tiny((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ couponId: 'cpn_1', padding: 'x'.repeat(200 * 1024) }));
    });
    const outcome = await client.issue(targetFor(huge.url), issueInput());
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unexpected_response' });
    expect(reasonOf(outcome)).toContain('larger than 64 KiB');
  });

  it('oversize: the limit is an option, and applies without Content-Length too', async () => {
    const chunked = await tiny((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      for (let i = 0; i < 8; i += 1) res.write('x'.repeat(512));
      res.end();
    });
    const small = createClearonClient({ maxResponseBytes: 1024, network: loopbackAllowed });
    const outcome = await small.issue(targetFor(chunked.url), issueInput());
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unexpected_response' });
    expect(reasonOf(outcome)).toContain('larger than 1 KiB');
  });

  it('garbage: a 201 whose body is not JSON', async () => {
    const garbage = await tiny((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'text/html' });
      res.end('<html>Hello</html>');
    });
    const outcome = await client.issue(targetFor(garbage.url), issueInput());
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'unexpected_response', status: 201 });
    expect(reasonOf(outcome)).toContain('not JSON');
  });

  it('a 201 without couponId is an incomplete answer, asked again under the same reference', async () => {
    const partial = await tiny((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          code: '1234567',
          redeemUrl: 'https://x/c/1',
          expiresAt: '2030-01-01T00:00:00Z',
        })
      );
    });
    const outcome = await client.issue(targetFor(partial.url), issueInput());
    expect(outcome).toMatchObject({ kind: 'retryable', code: 'incomplete_answer', status: 201 });
    expect(reasonOf(outcome)).toContain('without a complete coupon');
  });

  it('an error body that echoes secrets does not leak them into the reason', async () => {
    const echo = await tiny((req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      const key = String(req.headers.authorization);
      res.end(
        JSON.stringify({
          error: {
            code: 'invalid_request',
            message: `key ${key} rejected for ada.lovelace@example.se +46701234567 see https://clearon.example/c/cpn_1`,
          },
        })
      );
    });
    const outcome = await client.issue(targetFor(echo.url), issueInput());
    expect(outcome).toMatchObject({ kind: 'permanent', code: 'invalid_request', status: 400 });
    expectNoSecrets(reasonOf(outcome));
    expect(reasonOf(outcome)).toContain('rejected for');
  });
});
