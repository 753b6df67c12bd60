import { startSimulator, type Simulator } from '../../simulator/src';
import { createDatabase, startChildStrapi, type ChildStrapi } from '../harness/child-strapi';
import type { TestDatabase } from '../harness/database';
import { createJsonClient, runPool } from '../harness/http-client';
import {
  CHILD_OPS,
  countIssues,
  expectIssuedExactlyOnce,
  faultConfig,
  referenceOf,
  sleep,
  submit,
  waitAllSettled,
} from './helpers';
import { OUTAGE_OPS } from './outage-ops';

const PROBE_MS = 2_000;
const BACKOFF = { backoffBaseMs: 200, backoffMaxMs: 2_000 };
/**
 * What the old policy (8 attempts, full jitter) allowed with this backoff at most: the sum of the
 * backoff ceilings of attempts 1 to 7, about 9 s. The outage lasts far longer (FAULTS_LONG_OUTAGE_MS
 * may shorten it for a quick local run; it stays above that budget).
 */
const OLD_BUDGET_MS = [0, 1, 2, 3, 4, 5, 6]
  .map((k) => Math.min(BACKOFF.backoffMaxMs, BACKOFF.backoffBaseMs * 2 ** k))
  .reduce((a, b) => a + b, 0);
const OUTAGE_MS = Math.max(Number(process.env.FAULTS_LONG_OUTAGE_MS ?? 60_000), 3 * OLD_BUDGET_MS);

const CONFIG = faultConfig({
  leaseMs: 5_000,
  ...BACKOFF,
  retryForMs: 10 * 60_000,
  circuit: { failureThreshold: 5, probeIntervalMs: PROBE_MS },
});

// Fewer than worker.concurrency: all at ClearOn at once.
const LOST = 8;
const DURING = 100;

describe('a ClearOn outage far longer than the old retry budget', () => {
  let simulator: Simulator;
  let database: TestDatabase;
  const children: ChildStrapi[] = [];

  beforeAll(async () => {
    simulator = await startSimulator({ latencyMs: 20 });
    database = await createDatabase();
  });

  afterAll(async () => {
    for (const child of children) await child.stop().catch(() => child.kill());
    await simulator?.close();
    await database?.drop();
  });

  it('loses nothing, sends one probe per interval, and a renamed campaign gets no 409', async () => {
    expect(OUTAGE_MS).toBeGreaterThan(3 * OLD_BUDGET_MS);
    const first = await startChildStrapi({ database, name: 'outage', pluginConfig: CONFIG });
    children.push(first);
    await first.call(CHILD_OPS, 'setupCampaign', { endpoint: simulator.endpoint, slug: 'long' });
    await first.call(OUTAGE_OPS, 'setIntegrationTimeout', { timeoutMs: 1_000 });

    // ClearOn makes these coupons but its answers come too late: lost. Then it goes down.
    simulator.setLatency(1_500);
    const client = createJsonClient(first.url, 10);
    const lost = await runPool(LOST, 5, (i) => submit(client, 'long', i, 'lost'));
    expect(lost.map((r) => r.status)).toEqual(Array(LOST).fill(201));
    for (let i = 0; simulator.coupons.size < LOST; i++) {
      if (i > 400) throw new Error(`ClearOn made ${simulator.coupons.size} coupons, not ${LOST}`);
      await sleep(10);
    }
    simulator.setOutage(true);
    simulator.setLatency(20);
    const outageStart = Date.now();
    const lostReferences = [...simulator.coupons.keys()];

    // During the outage: the campaign is renamed, the app restarts, participants keep coming.
    await first.call(OUTAGE_OPS, 'renameCampaign', {
      slug: 'long',
      title: 'Renamed in the outage',
    });
    client.close();
    await first.stop();
    const second = await startChildStrapi({ database, name: 'outage-2', pluginConfig: CONFIG });
    children.push(second);
    // On PostgreSQL a second instance shares the database (and the circuit) meanwhile.
    if (database.client === 'postgres') {
      children.push(await startChildStrapi({ database, name: 'outage-3', pluginConfig: CONFIG }));
    }
    const client2 = createJsonClient(second.url, 10);
    const spacing = Math.floor(OUTAGE_MS / 2 / DURING);
    const during = await runPool(DURING, 1, async (i) => {
      await sleep(spacing);
      return submit(client2, 'long', i, 'during');
    });
    expect(during.map((r) => r.status)).toEqual(Array(DURING).fill(201));

    const open = await waitFor(async () => {
      const circuits = await second.call<Array<{ openedAt: string }>>(OUTAGE_OPS, 'openCircuits');
      return circuits.length === 1 ? circuits[0] : null;
    });
    await sleep(Math.max(0, outageStart + OUTAGE_MS - Date.now()));

    // While the circuit was open (after what was in flight when it opened): one probe per
    // interval for the integration, whichever instance sent it.
    const windowStart = Date.parse(open.openedAt) + 1_500;
    const windowEnd = Date.now();
    const probes = simulator.received.filter((r) => r.at >= windowStart && r.at < windowEnd);
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.length).toBeLessThanOrEqual(Math.ceil((windowEnd - windowStart) / PROBE_MS) + 1);
    // Arrival times carry the sending instance's event-loop lag (three Strapi on two cores, one of
    // them taking part): a probe may land up to a second late. Two probes of one interval, from two
    // instances, would land within a few milliseconds of each other.
    const gaps = probes.slice(1).map((r, i) => r.at - probes[i].at);
    expect(gaps.filter((gap) => gap < PROBE_MS / 2)).toEqual([]);
    // Nothing gave up.
    const counts = await second.call<Record<string, number>>(CHILD_OPS, 'couponStatusCounts');
    expect(counts).toEqual({ pending: LOST + DURING, issued: 0, failed: 0, dead: 0 });

    simulator.setOutage(false);
    const restored = Date.now();
    await waitAllSettled(second, LOST + DURING, 60_000);
    // The backlog drained at full concurrency once a probe got through, not one per interval.
    expect(Date.now() - restored).toBeLessThan(PROBE_MS + 20_000);
    await expectIssuedExactlyOnce(second, simulator, LOST + DURING);

    // Every try under a reference sent the same bytes: no 409, and the lost coupons came back.
    expect(simulator.received.filter((r) => r.status === 409)).toEqual([]);
    const bodies = new Map<string, Set<string>>();
    for (const entry of simulator.received) {
      const reference = referenceOf(entry);
      if (!bodies.has(reference)) bodies.set(reference, new Set());
      bodies.get(reference)!.add(JSON.stringify(entry.body));
    }
    expect([...bodies].filter(([, sent]) => sent.size !== 1).map(([r]) => r)).toEqual([]);
    const { replayed } = countIssues(simulator);
    expect(lostReferences.filter((reference) => !replayed.has(reference))).toEqual([]);
    for (const reference of lostReferences) {
      const entry = simulator.received.find((r) => referenceOf(r) === reference)!;
      expect((entry.body as { campaign: { name: string } }).campaign.name).toBe('Form long');
    }
    expect(await second.call(OUTAGE_OPS, 'openCircuits')).toEqual([]);
    client2.close();
  });
});

const waitFor = async <T>(check: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await sleep(250);
  }
  throw new Error('the circuit never opened');
};
