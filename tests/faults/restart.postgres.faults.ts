/**
 * PostgreSQL itself restarted while coupons are being issued: a server of the test's own is stopped
 * (every connection cut), kept down for a few seconds, and started again. The same Strapi process
 * then finishes the backlog, every coupon issued exactly once, and takes new participations. A
 * participant who sends while the server is down, and again with the same Idempotency-Key, ends
 * with exactly one participation.
 */
import { startSimulator, type Simulator } from '../../simulator/src';
import { startChildStrapi, type ChildStrapi } from '../harness/child-strapi';
import {
  createJsonClient,
  runPool,
  type JsonClient,
  type JsonResponse,
} from '../harness/http-client';
import { startPrivatePostgres, type PrivatePostgres } from '../harness/private-postgres';
import {
  CHILD_OPS,
  countIssues,
  expectIssuedExactlyOnce,
  faultConfig,
  outbox,
  participant,
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
  retryForMs: 10 * 60_000,
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

  const keyed = () =>
    client.post<{ data: { id: string } }>(
      '/api/clearon/campaigns/restart/participations',
      { answers: participant(1, 'keyed') },
      { 'Idempotency-Key': 'restart-outage-0000000001' }
    );

  it('the worker recovers without a restart of Strapi: all issued, none twice', async () => {
    const pid = strapi.pid;
    simulator.setLatency(500);
    const responses = await runPool(COUNT, 10, (i) => submit(client, 'restart', i, 'restart'));
    expect(responses.filter((r) => r.status !== 201)).toEqual([]);

    // Coupons are at ClearOn when the server goes away; their results cannot be written.
    await sleep(800);
    let sentWhileDown: Promise<JsonResponse<{ data: { id: string } }>> | undefined;
    await server.restart(DOWN_MS, () => {
      sentWhileDown = keyed();
    });
    const midway = await outbox(strapi);
    expect(midway.coupons.filter((c) => c.status === 'pending').length).toBeGreaterThan(0);

    // Sent while the server was down: saved once it was back (the request waited for a
    // connection), or refused with 503 and Retry-After. Sent again with its key: one participation.
    const first = await (sentWhileDown as Promise<JsonResponse<{ data: { id: string } }>>);
    expect([201, 503]).toContain(first.status);
    if (first.status === 503) expect(first.headers['retry-after']).toBe('5');
    const again = await keyed();
    expect(again.status).toBe(201);
    if (first.status === 201) {
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.data.id).toBe(first.body.data.id);
    }

    simulator.setLatency(10);
    await waitAllSettled(strapi, COUNT + 1, 120_000);
    await expectIssuedExactlyOnce(strapi, simulator, COUNT + 1);
    // Some answers came while the server was down: those coupons were asked again after their lease
    // ran out, and ClearOn gave the same coupon back.
    expect(countIssues(simulator).replayed.size).toBeGreaterThan(0);

    // The same process, still serving and issuing.
    expect([strapi.isRunning(), strapi.pid]).toEqual([true, pid]);
    const after = await runPool(10, 5, (i) => submit(client, 'restart', 1000 + i, 'after'));
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(201));
    await waitAllSettled(strapi, COUNT + 11, 60_000);
    await expectIssuedExactlyOnce(strapi, simulator, COUNT + 11);

    // The outage was logged, without participants' data or redeem links.
    const logs = strapi.output();
    expect(logs).toMatch(/terminat|ECONNREFUSED|connection/i);
    expect(logs).not.toMatch(/@example\.se/);
    expect(logs).not.toMatch(/\/c\/cpn_/);
  });
});
