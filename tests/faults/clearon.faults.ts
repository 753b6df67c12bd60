import { startSimulator, type Simulator } from '../../simulator/src';
import { createDatabase, startChildStrapi, type ChildStrapi } from '../harness/child-strapi';
import type { TestDatabase } from '../harness/database';
import { createJsonClient, runPool, type JsonClient } from '../harness/http-client';
import {
  CHILD_OPS,
  countIssues,
  expectIssuedExactlyOnce,
  faultConfig,
  outbox,
  referenceOf,
  sleep,
  submit,
  waitAllSettled,
} from './helpers';

/** The issue asks for 30 s; FAULTS_OUTAGE_MS may shorten it for a quick local run. */
const OUTAGE_MS = Number(process.env.FAULTS_OUTAGE_MS ?? 30_000);
const BURST = 300;

const CONFIG = faultConfig({
  leaseMs: 10_000,
  // Backoff capped at 3 s: coupons come back within seconds of ClearOn's return.
  backoffBaseMs: 200,
  backoffMaxMs: 3000,
  retryForMs: 10 * 60_000,
  // A probe every 2 s while ClearOn is down: coupons come back within seconds of its return.
  circuit: { failureThreshold: 5, probeIntervalMs: 2000 },
});

describe('ClearOn failing: an outage mid-burst, and 429 with Retry-After', () => {
  let simulator: Simulator;
  let database: TestDatabase;
  let strapi: ChildStrapi;
  let client: JsonClient;

  beforeAll(async () => {
    simulator = await startSimulator({ latencyMs: 20 });
    database = await createDatabase();
    strapi = await startChildStrapi({ database, name: 'clearon-faults', pluginConfig: CONFIG });
    client = createJsonClient(strapi.url, 10);
    await strapi.call(CHILD_OPS, 'setupCampaign', { endpoint: simulator.endpoint, slug: 'burst' });
    await strapi.call(CHILD_OPS, 'setupCampaign', {
      endpoint: simulator.endpoint,
      slug: 'limited',
    });
  });

  afterAll(async () => {
    client?.close();
    await strapi?.stop();
    await simulator?.close();
    await database?.drop();
  });

  it(`an outage of ${OUTAGE_MS / 1000} s in the middle of a burst: all issued afterwards, none twice`, async () => {
    // A steady burst spread over the outage: it starts before, runs through it, ends after.
    const spacing = Math.ceil((OUTAGE_MS + 10_000) / BURST);
    let outageStart = 0;
    let outageEnd = 0;
    const outage = (async () => {
      await sleep(4000);
      simulator.setOutage(true);
      outageStart = Date.now();
      await sleep(OUTAGE_MS);
      simulator.setOutage(false);
      outageEnd = Date.now();
    })();
    const started = Date.now();
    const responses = await runPool(BURST, 5, async (i) => {
      const wait = started + i * spacing - Date.now();
      if (wait > 0) await sleep(wait);
      return submit(client, 'burst', i, 'burst');
    });
    await outage;
    // Participants were not affected: every participation was accepted during the outage too.
    expect(responses.map((r) => r.status)).toEqual(Array(BURST).fill(201));

    await waitAllSettled(strapi, BURST, 120_000);
    await expectIssuedExactlyOnce(strapi, simulator, BURST);

    // The outage did hit: requests were dropped during it, and coupons retried afterwards.
    const during = simulator.received.filter((r) => r.at >= outageStart && r.at < outageEnd);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((r) => r.status === 0)).toBe(true);
    // The circuit opened: coupons waited for ClearOn instead of spending attempts on it.
    const { coupons } = await outbox(strapi);
    expect(Math.max(...coupons.map((c) => c.attempts))).toBeLessThanOrEqual(5);
    const stats = await strapi.call<{ retried: number; parked: number; dead: number }>(
      CHILD_OPS,
      'issuerStats'
    );
    expect(stats.parked).toBeGreaterThan(50);
    expect(stats.dead).toBe(0);
  });

  it('429 with Retry-After: no request reaches ClearOn before the time it asked for', async () => {
    const before = simulator.received.length;
    simulator.failNext(1, 429, { retryAfterSeconds: 3 });
    const first = await submit(client, 'limited', 0, 'limited');
    expect(first.status).toBe(201);
    const limited = await waitForEntry(simulator, before, (r) => r.status === 429);
    // The issuer has recorded the 429 before more participants come.
    await waitForRateLimitRecorded(strapi, referenceOf(limited));

    const more = await runPool(20, 5, (i) => submit(client, 'limited', 1 + i, 'limited'));
    expect(more.map((r) => r.status)).toEqual(Array(20).fill(201));
    await waitAllSettled(strapi, BURST + 21, 60_000);

    const after = simulator.received.slice(before).filter((r) => r !== limited);
    expect(after.length).toBeGreaterThanOrEqual(21);
    const early = after.filter((r) => r.at < limited.at + 3000);
    expect(early.map((r) => r.at - limited.at)).toEqual([]);
    // Every one was issued once, the rate-limited one included.
    const { created } = countIssues(simulator);
    const references = new Set(after.map(referenceOf));
    expect(references.size).toBe(21);
    expect([...references].filter((reference) => created.get(reference) !== 1)).toEqual([]);
    await expectIssuedExactlyOnce(strapi, simulator, BURST + 21);
  });
});

const waitForEntry = async (
  simulator: Simulator,
  from: number,
  match: (entry: Simulator['received'][number]) => boolean
) => {
  for (let i = 0; i < 200; i++) {
    const entry = simulator.received.slice(from).find(match);
    if (entry) return entry;
    await sleep(25);
  }
  throw new Error('the simulator never saw the expected request');
};

const waitForRateLimitRecorded = async (strapi: ChildStrapi, reference: string) => {
  for (let i = 0; i < 200; i++) {
    const { coupons } = await outbox(strapi);
    const coupon = coupons.find((c) => c.reference === reference);
    if (coupon?.lastErrorCode === 'rate_limited') return;
    await sleep(25);
  }
  throw new Error('the 429 was never recorded');
};
