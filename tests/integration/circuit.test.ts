import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { createIntegration } from '../fixtures/integrations';
import { authHeader, createSuperAdmin } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { waitFor } from '../harness/wait';

const PROBE_MS = 1_000;
const WORKER = {
  pollIntervalMs: 50,
  backoffBaseMs: 50,
  backoffMaxMs: 200,
  leaseMs: 5_000,
  retryForMs: 120_000,
  incompleteAnswerLimit: 2,
  circuit: { failureThreshold: 3, probeIntervalMs: PROBE_MS },
  // No longer used: accepted, and a coupon is still retried past it (see the frozen body test).
  maxAttempts: 1,
};

interface CouponRow {
  id: number;
  reference: string;
  status: string;
  attempts: number;
  last_error_code: string | null;
  request_body: string | null;
}

/**
 * ClearOn down for longer than a few tries: the integration's circuit opens, its coupons wait
 * (pending, no attempt spent), one probe per interval goes out, the dashboard says so, and the
 * backlog is issued once ClearOn answers. Also: a 200/201 without a coupon, and the frozen body.
 */
describe('the circuit breaker, incomplete answers and the frozen request', () => {
  let app: TestApp;
  let simulator: Simulator;
  let token: string;

  const rows = () =>
    app.strapi.db
      .connection('clearon_coupons')
      .select('id', 'reference', 'status', 'attempts', 'last_error_code', 'request_body')
      .orderBy('id') as Promise<CouponRow[]>;
  const submit = (slug: string, i: number) =>
    request(app.server)
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .send({ answers: { firstname: `C${i}`, email: `c${i}@example.se`, deliveryType: 'email' } })
      .expect(201);
  const circuits = async () =>
    (await request(app.server).get('/clearon/coupons/circuits').set(authHeader(token)).expect(200))
      .body.data as Array<{
      integration: { id: string; name: string };
      openedAt: string;
      nextProbeAt: string | null;
      failures: number;
    }>;

  beforeAll(async () => {
    simulator = await startSimulator();
    app = await bootStrapi({
      pluginConfig: { worker: WORKER, buttonWaitMs: 0, rateLimit: { enabled: false } },
    });
    token = (await createSuperAdmin(app)).token;
    await createIntegration(app, {
      name: 'Down',
      endpoint: simulator.endpoint,
      apiKey: 'test-key',
    });
    await publishCampaign(app.strapi, formCampaign('circuit'));
  });

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  });

  it('opens after failureThreshold failures: coupons wait, one probe per interval, then all issued', async () => {
    simulator.setOutage(true);
    const submitted = [];
    for (let i = 0; i < 8; i++) submitted.push((await submit('circuit', i)).body.data);

    const [open] = await waitFor(async () => {
      const list = await circuits();
      return list.length === 1 ? list : null;
    });
    expect(open.integration.name).toBe('Down');
    expect(Date.parse(open.nextProbeAt!)).toBeGreaterThan(Date.parse(open.openedAt));
    expect(open.failures).toBeGreaterThanOrEqual(WORKER.circuit.failureThreshold);

    // While it is open: at most one request per probe interval, and no attempt spent meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const from = Date.now();
    const before = await rows();
    await new Promise((resolve) => setTimeout(resolve, 3.5 * PROBE_MS));
    const sent = simulator.received.filter((r) => r.at >= from).length;
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(sent).toBeLessThanOrEqual(4);
    const during = await rows();
    expect(during.every((c) => c.status === 'pending')).toBe(true);
    const spent = (list: CouponRow[]) => list.reduce((sum, c) => sum + c.attempts, 0);
    expect(spent(during)).toBe(spent(before));
    expect(during.filter((c) => c.last_error_code === 'circuit_open').length).toBeGreaterThan(4);

    // The participant's page says pending; the integration API shows nothing of the circuit.
    const { body } = await request(app.server)
      .get(`/api/clearon/participations/${submitted[0].id}`)
      .query({ token: submitted[0].token })
      .expect(200);
    expect(body.data.coupon.status).toBe('pending');
    const integrations = await request(app.server)
      .get('/clearon/integrations')
      .set(authHeader(token))
      .expect(200);
    expect(JSON.stringify(integrations.body)).not.toMatch(/circuit/i);

    simulator.setOutage(false);
    const restored = Date.now();
    await waitFor(async () => (await rows()).every((c) => c.status === 'issued'), 10_000);
    // Drained at once, not one per interval.
    expect(Date.now() - restored).toBeLessThan(PROBE_MS + 3_000);
    expect(await circuits()).toEqual([]);
    for (const coupon of await rows()) {
      expect(
        simulator.received.filter((r) => r.status === 201 && ref(r) === coupon.reference)
      ).toHaveLength(1);
    }
  });

  it('sends the body frozen when the coupon was written, even after the campaign is renamed', async () => {
    const campaign = await publishCampaign(app.strapi, {
      ...formCampaign('frozen'),
      title: 'Before',
    });
    simulator.failNext(2, 503);
    const { id } = (await submit('frozen', 100)).body.data;
    await app.strapi
      .documents('plugin::clearon.campaign')
      .update({ documentId: campaign.documentId, data: { title: 'After' } } as never);
    await app.strapi
      .documents('plugin::clearon.campaign')
      .publish({ documentId: campaign.documentId } as never);
    const participation = await app.strapi.db
      .connection('clearon_participations')
      .where({ document_id: id })
      .first();
    const reference = participation.reference as string;
    await waitFor(async () =>
      simulator.received.some((r) => r.status === 201 && ref(r) === reference)
    );
    const sent = simulator.received.filter((r) => ref(r) === reference);
    expect(sent.length).toBe(3);
    // Fewer failures in a row than failureThreshold: the circuit stayed closed.
    expect(await circuits()).toEqual([]);
    expect(new Set(sent.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(sent[0].body).toMatchObject({ campaign: { name: 'Before' } });
    const [row] = (await rows()).filter((c) => c.reference === reference);
    expect(JSON.parse(row.request_body!)).toEqual(sent[0].body);

    // Not in any API answer; gone with the participant's data.
    const list = await request(app.server).get('/clearon/coupons').set(authHeader(token));
    expect(JSON.stringify(list.body)).not.toMatch(/requestBody|request_body/);
    await request(app.server)
      .post('/clearon/privacy/erase')
      .set(authHeader(token))
      .send({ email: 'c100@example.se' })
      .expect(200);
    const [erased] = (await rows()).filter((c) => c.reference === reference);
    expect(erased.request_body).toBeNull();
  });

  it('asks again after a 201 without a coupon, then shows needs_attention (pending to the participant)', async () => {
    simulator.failNext(WORKER.incompleteAnswerLimit, 201);
    const { id, token: participantToken } = (await submit('circuit', 200)).body.data;
    const coupon = await waitFor(async () => {
      const [row] = (await rows()).filter((c) => c.status === 'needs_attention');
      return row;
    });
    expect(coupon.last_error_code).toBe('incomplete_answer');
    const sent = simulator.received.filter((r) => ref(r) === coupon.reference);
    expect(sent.map((r) => r.status)).toEqual([201, 201]);
    const { body } = await request(app.server)
      .get(`/api/clearon/participations/${id}`)
      .query({ token: participantToken })
      .expect(200);
    expect(body.data.coupon.status).toBe('pending');
    const stats = await request(app.server)
      .get('/clearon/coupons/stats')
      .set(authHeader(token))
      .expect(200);
    expect(stats.body.data.needs_attention).toBe(1);

    await request(app.server)
      .post(`/clearon/coupons/${coupon.id}/retry`)
      .set(authHeader(token))
      .expect(200);
    await waitFor(async () => (await rows()).find((c) => c.id === coupon.id)?.status === 'issued');
  });
});

const ref = (entry: { body: unknown }) => (entry.body as { reference?: string } | null)?.reference;
