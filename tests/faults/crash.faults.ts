import { startSimulator, type Simulator } from '../../simulator/src';
import { createDatabase, startChildStrapi, type ChildStrapi } from '../harness/child-strapi';
import type { TestDatabase } from '../harness/database';
import { createJsonClient, runPool } from '../harness/http-client';
import {
  CHILD_OPS,
  countIssues,
  expectIssuedExactlyOnce,
  faultConfig,
  outbox,
  sleep,
  submit,
  waitAllSettled,
} from './helpers';

const LATENCY_MS = 1500;
// A short lease so that the restarted instance takes the crashed one's coupons back quickly.
const CONFIG = faultConfig({
  leaseMs: 4000,
  backoffBaseMs: 200,
  backoffMaxMs: 1000,
  retryForMs: 10 * 60_000,
});

describe('kill -9 while coupons are in flight, then a restart on the same database', () => {
  let simulator: Simulator;
  let database: TestDatabase;
  const children: ChildStrapi[] = [];

  beforeAll(async () => {
    simulator = await startSimulator({ latencyMs: LATENCY_MS });
    database = await createDatabase();
  });

  afterAll(async () => {
    for (const child of children) await child.kill();
    await simulator?.close();
    await database?.drop();
  });

  it('issues every participation exactly once at ClearOn', async () => {
    const first = await startChildStrapi({ database, name: 'crash', pluginConfig: CONFIG });
    children.push(first);
    await first.call(CHILD_OPS, 'setupCampaign', { endpoint: simulator.endpoint, slug: 'crash' });
    const client = createJsonClient(first.url, 10);

    // 40 participations, all accepted; ClearOn answers each after 1.5 s.
    const accepted = await runPool(40, 10, (i) => submit(client, 'crash', i));
    expect(accepted.map((r) => r.status)).toEqual(Array(40).fill(201));

    // More keep coming, one every 100 ms, while Strapi is killed in the middle of them.
    let answered = 0;
    const late = runPool(40, 1, async (i) => {
      await sleep(100);
      return submit(client, 'crash', 100 + i).then(
        (r) => {
          answered += 1;
          return r.status;
        },
        () => 0
      );
    });
    await sleep(LATENCY_MS + 300);
    while (answered < 10) await sleep(20);
    const unanswered = simulator.received.filter((r) => r.status === 0).length;
    const issuedBefore = simulator.received.filter((r) => r.status === 201).length;
    await first.kill();
    const statuses = await late;
    client.close();
    // The crash happened with ClearOn calls in flight, some coupons issued and some not yet sent.
    expect(unanswered).toBeGreaterThan(0);
    expect(issuedBefore).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0);
    const atCrash = await startChildStrapi({
      database,
      name: 'crash-restarted',
      pluginConfig: CONFIG,
    });
    children.push(atCrash);
    const { participations } = await outbox(atCrash);
    expect(participations.length).toBeGreaterThanOrEqual(40 + 10);

    await waitAllSettled(atCrash, participations.length, 90_000);
    await expectIssuedExactlyOnce(atCrash, simulator, participations.length);

    // The calls lost in the crash were made again after the restart, and ClearOn gave the same
    // coupon back instead of a second one.
    const { replayed } = countIssues(simulator);
    expect(participations.filter((reference) => replayed.has(reference)).length).toBeGreaterThan(0);
  });
});
