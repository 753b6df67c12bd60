import { Client } from 'pg';
import { startSimulator, type Simulator } from '../../simulator/src';
import { createDatabase, startChildStrapi, type ChildStrapi } from '../harness/child-strapi';
import type { TestDatabase } from '../harness/database';
import { createJsonClient, runPool, type JsonClient } from '../harness/http-client';
import {
  CHILD_OPS,
  expectIssuedExactlyOnce,
  faultConfig,
  outbox,
  sleep,
  submit,
  waitAllSettled,
} from './helpers';

const TOTAL = 1000;
// The lease well above the integration's 5 s timeout, as docs/agencies.md asks: no coupon is
// taken over by the other instance while its first one still works on it, even on a loaded machine.
const CONFIG = faultConfig({
  leaseMs: 15_000,
  backoffBaseMs: 100,
  backoffMaxMs: 1000,
  retryForMs: 10 * 60_000,
});

interface Stats {
  owner: string;
  issued: number;
  retried: number;
}

describe('PostgreSQL: two Strapi instances on one database, and its connections dropped', () => {
  let simulator: Simulator;
  let database: TestDatabase;
  let a: ChildStrapi;
  let b: ChildStrapi;
  let clientA: JsonClient;
  let clientB: JsonClient;

  const terminateBackends = async () => {
    const admin = new Client({
      host: database.env.DATABASE_HOST,
      port: Number(database.env.DATABASE_PORT),
      user: database.env.DATABASE_USERNAME,
      password: database.env.DATABASE_PASSWORD,
      database: 'postgres',
    });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database.env.DATABASE_NAME]
      );
      return rows.length;
    } finally {
      await admin.end();
    }
  };

  beforeAll(async () => {
    simulator = await startSimulator({ latencyMs: 10 });
    database = await createDatabase('postgres');
    // The first instance creates the schema; the second starts on it.
    a = await startChildStrapi({ database, name: 'pg-a', pluginConfig: CONFIG });
    b = await startChildStrapi({ database, name: 'pg-b', pluginConfig: CONFIG });
    await a.call(CHILD_OPS, 'setupCampaign', { endpoint: simulator.endpoint, slug: 'shared' });
    clientA = createJsonClient(a.url, 10);
    clientB = createJsonClient(b.url, 10);
  });

  afterAll(async () => {
    clientA?.close();
    clientB?.close();
    await a?.stop();
    await b?.stop();
    await simulator?.close();
    await database?.drop();
  });

  it(`${TOTAL} participations spread over both: ${TOTAL} coupons, no reference twice, both issued some`, async () => {
    // While ClearOn is down the participations pile up as pending coupons in the shared outbox;
    // then both workers drain it at once, competing for the same rows.
    simulator.setOutage(true);
    const responses = await runPool(TOTAL, 16, (i) =>
      submit(i % 2 ? clientB : clientA, 'shared', i, 'two')
    );
    expect(responses.filter((r) => r.status !== 201)).toEqual([]);
    simulator.setOutage(false);

    await waitAllSettled(a, TOTAL, 120_000);
    await expectIssuedExactlyOnce(a, simulator, TOTAL);

    const created = simulator.received.filter((r) => r.status === 201);
    const references = created.map((r) => (r.body as { reference: string }).reference);
    expect(references).toHaveLength(TOTAL);
    expect(new Set(references).size).toBe(TOTAL);
    // No coupon was ever worked on by both instances: no request was answered "the same again".
    expect(simulator.received.filter((r) => r.status === 200)).toEqual([]);

    const [statsA, statsB] = await Promise.all([
      a.call<Stats>(CHILD_OPS, 'issuerStats'),
      b.call<Stats>(CHILD_OPS, 'issuerStats'),
    ]);
    expect(statsA.owner).not.toBe(statsB.owner);
    expect(statsA.issued).toBeGreaterThan(0);
    expect(statsB.issued).toBeGreaterThan(0);
    expect(statsA.issued + statsB.issued).toBe(TOTAL);
  });

  it('the workers recover when every database connection is terminated, without a restart', async () => {
    const pids = [a.pid, b.pid];
    const before = await outbox(a);
    simulator.setLatency(1000);
    const count = 300;
    const responses = await runPool(count, 10, (i) =>
      submit(i % 2 ? clientB : clientA, 'shared', 5000 + i, 'pgkill')
    );
    expect(responses.filter((r) => r.status !== 201)).toEqual([]);

    // Twice, while the backlog is being issued, every connection to the database is killed.
    const total = before.participations.length + count;
    let killed = 0;
    for (let round = 0; round < 4; round++) {
      await sleep(700);
      killed += await terminateBackends();
    }
    expect(killed).toBeGreaterThan(0);
    // Give the children's pools a moment to notice the last cut before this test reads through them.
    await sleep(500);
    const midway = await outbox(a);
    expect(midway.coupons.filter((c) => c.status === 'pending').length).toBeGreaterThan(0);

    simulator.setLatency(10);
    await waitAllSettled(a, total, 120_000);
    await expectIssuedExactlyOnce(a, simulator, total);

    // Same processes, still serving and issuing.
    expect([a.isRunning(), b.isRunning(), a.pid, b.pid]).toEqual([true, true, pids[0], pids[1]]);
    const after = await runPool(10, 5, (i) =>
      submit(i % 2 ? clientB : clientA, 'shared', 9000 + i, 'after')
    );
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(201));
    await waitAllSettled(a, total + 10, 60_000);
    await expectIssuedExactlyOnce(a, simulator, total + 10);

    // The database errors were logged, without participants' data or redeem links.
    const logs = a.output() + b.output();
    expect(logs).toMatch(/terminat|Connection|connection/);
    expect(logs).not.toMatch(/@example\.se/);
    expect(logs).not.toMatch(/\/c\/cpn_/);
  });
});
