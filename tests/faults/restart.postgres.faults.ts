/**
 * PostgreSQL itself restarted while coupons are being issued: a server of the test's own is stopped
 * (every connection cut), kept down for a few seconds, and started again. The same Strapi process
 * then finishes the backlog, every coupon issued exactly once, and takes new participations.
 */
import { startSimulator, type Simulator } from '../../simulator/src';
import { startChildStrapi, type ChildStrapi } from '../harness/child-strapi';
import { createJsonClient, runPool, type JsonClient } from '../harness/http-client';
import { startPrivatePostgres, type PrivatePostgres } from '../harness/private-postgres';
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

const COUNT = 200;
const DOWN_MS = 3000;
const CONFIG = faultConfig({
  leaseMs: 5000,
  backoffBaseMs: 100,
  backoffMaxMs: 1000,
  maxAttempts: 50,
});

describe('PostgreSQL restarted during issuing', () => {
  let server: PrivatePostgres;
  let simulator: Simulator;
  let strapi: ChildStrapi;
  let client: JsonClient;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    simulator = await startSimulator({ latencyMs: 10 });
    strapi = await startChildStrapi({
      database: server.database,
      name: 'pg-restart',
      pluginConfig: CONFIG,
    });
    await strapi.call(CHILD_OPS, 'setupCampaign', {
      endpoint: simulator.endpoint,
      slug: 'restart',
    });
    client = createJsonClient(strapi.url, 10);
  });

  afterAll(async () => {
    client?.close();
    await strapi?.stop();
    await simulator?.close();
    await server?.stop();
  });

  it('the worker recovers without a restart of Strapi: all issued, none twice', async () => {
    const pid = strapi.pid;
    simulator.setLatency(500);
    const responses = await runPool(COUNT, 10, (i) => submit(client, 'restart', i, 'restart'));
    expect(responses.filter((r) => r.status !== 201)).toEqual([]);

    // Coupons are at ClearOn when the server goes away; their results cannot be written.
    await sleep(800);
    await server.restart(DOWN_MS);
    const midway = await outbox(strapi);
    expect(midway.coupons.filter((c) => c.status === 'pending').length).toBeGreaterThan(0);

    simulator.setLatency(10);
    await waitAllSettled(strapi, COUNT, 120_000);
    await expectIssuedExactlyOnce(strapi, simulator, COUNT);
    // Some answers came while the server was down: those coupons were asked again after their lease
    // ran out, and ClearOn gave the same coupon back.
    expect(countIssues(simulator).replayed.size).toBeGreaterThan(0);

    // The same process, still serving and issuing.
    expect([strapi.isRunning(), strapi.pid]).toEqual([true, pid]);
    const after = await runPool(10, 5, (i) => submit(client, 'restart', 1000 + i, 'after'));
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(201));
    await waitAllSettled(strapi, COUNT + 10, 60_000);
    await expectIssuedExactlyOnce(strapi, simulator, COUNT + 10);

    // The outage was logged, without participants' data or redeem links.
    const logs = strapi.output();
    expect(logs).toMatch(/terminat|ECONNREFUSED|connection/i);
    expect(logs).not.toMatch(/@example\.se/);
    expect(logs).not.toMatch(/\/c\/cpn_/);
  });
});
