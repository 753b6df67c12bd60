import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { getService } from '../../server/src/utils/get-service';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { createIntegration } from '../fixtures/integrations';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { waitFor } from '../harness/wait';

/**
 * The worker's own mechanics: coupons claimed ahead of a free slot, a stop that hands back what was
 * claimed but not started, and results written only under the worker's own lease.
 */
describe('the issuing worker', () => {
  let app: TestApp;
  let simulator: Simulator;

  const issuer = () => getService(app.strapi, 'issuer');
  const coupons = () =>
    app.strapi.db
      .connection('clearon_coupons')
      .select('id', 'status', 'lease_owner', 'reference')
      .orderBy('id') as Promise<
      Array<{ id: number; status: string; lease_owner: string | null; reference: string }>
    >;
  const submit = (i: number) =>
    request(app.server)
      .post('/api/clearon/campaigns/worker/participations')
      .send({ answers: { firstname: `W${i}`, email: `w${i}@example.se`, deliveryType: 'email' } })
      .expect(201);

  beforeAll(async () => {
    simulator = await startSimulator();
    app = await bootStrapi({
      pluginConfig: {
        worker: { concurrency: 2, pollIntervalMs: 50, leaseMs: 60_000 },
        buttonWaitMs: 0,
        rateLimit: { enabled: false },
      },
    });
    await createIntegration(app, {
      name: 'Simulator',
      endpoint: simulator.endpoint,
      apiKey: 'test-key',
    });
    await publishCampaign(app.strapi, formCampaign('worker'));
  });

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  });

  it('claims a set ahead of its slots, and a stop hands those back at once', async () => {
    simulator.setLatency(1500);
    await issuer().stop();
    for (let i = 0; i < 6; i++) await submit(i);
    issuer().start();

    // Two at ClearOn, two more claimed and waiting for a slot.
    await waitFor(async () => {
      const { inFlight, ready } = issuer().stats();
      return inFlight === 2 && ready === 2;
    });
    const leased = (await coupons()).filter((c) => c.lease_owner === issuer().stats().owner);
    expect(leased).toHaveLength(4);

    await issuer().stop();
    const rows = await coupons();
    // The two that were at ClearOn were written; the two waiting are free for any worker now.
    expect(rows.filter((c) => c.status === 'issued')).toHaveLength(2);
    expect(rows.filter((c) => c.lease_owner !== null)).toEqual([]);
    expect(rows.filter((c) => c.status === 'pending')).toHaveLength(4);
    expect(simulator.received.filter((r) => r.status === 201)).toHaveLength(2);

    simulator.setLatency(0);
    issuer().start();
    await waitFor(async () => (await coupons()).every((c) => c.status === 'issued'));
    const references = simulator.received
      .filter((r) => r.status === 201)
      .map((r) => (r.body as { reference: string }).reference);
    expect(references.sort()).toEqual((await coupons()).map((c) => c.reference).sort());
  });

  it('never runs more than worker.concurrency at once, however many submits ask to issue now', async () => {
    await issuer().stop();
    for (let i = 0; i < 12; i++) await submit(200 + i);
    const ids = (await coupons()).filter((c) => c.status === 'pending').map((c) => c.id);
    expect(ids).toHaveLength(12);
    simulator.setLatency(400);
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, issuer().stats().inFlight);
    }, 2);
    try {
      issuer().start();
      // Twelve commits asking at once (each submit calls issueNow after its commit): a slot is
      // counted from before the claim's round trip, so they still use two. (On SQLite the driver
      // is synchronous and the claims cannot overlap; on PostgreSQL and MariaDB, before the fix,
      // all twelve reached ClearOn together.)
      await Promise.all(ids.map((id) => issuer().issueNow(id)));
      await waitFor(async () => (await coupons()).every((c) => c.status === 'issued'), 30_000);
    } finally {
      clearInterval(sampler);
      simulator.setLatency(0);
    }
    expect(peak).toBe(2);
  });

  /** Submits one coupon and, while ClearOn works on it, hands its lease to another worker. */
  const stealLeaseInFlight = async (i: number) => {
    await issuer().stop();
    await submit(i);
    const [mine] = (await coupons()).filter((c) => c.status === 'pending');
    simulator.setLatency(800);
    try {
      issuer().start();
      await waitFor(async () => issuer().stats().inFlight === 1);
      // While ClearOn works on it, its lease passes to another worker (as when it has expired).
      await app.strapi.db
        .connection('clearon_coupons')
        .where({ id: mine.id })
        .update({ lease_owner: 'another-worker', lease_until: new Date(Date.now() + 60_000) });
      await waitFor(async () => issuer().stats().inFlight === 0);
    } finally {
      await issuer().stop();
      simulator.setLatency(0);
    }
    const [row] = (await coupons()).filter((c) => c.id === mine.id);
    return { mine, row };
  };

  it('records an issued answer even when its lease passed to another worker meanwhile', async () => {
    const issuedBefore = issuer().stats().issued;
    const { mine, row } = await stealLeaseInFlight(100);
    // ClearOn made the coupon: it is recorded, whoever holds the lease now.
    expect(row).toMatchObject({ status: 'issued', lease_owner: null });
    expect(issuer().stats().issued).toBe(issuedBefore + 1);
    const [stored] = await app.strapi.db
      .connection('clearon_coupons')
      .where({ id: mine.id })
      .select('code');
    expect(stored.code).toBe(simulator.coupons.get(mine.reference)?.code);
  });

  it('writes no other result for a coupon whose lease another worker holds now', async () => {
    simulator.failNext(1, 503);
    const retriedBefore = issuer().stats().retried;
    const { row } = await stealLeaseInFlight(101);
    expect(row).toMatchObject({ status: 'pending', lease_owner: 'another-worker' });
    expect(issuer().stats().retried).toBe(retriedBefore);
  });
});
