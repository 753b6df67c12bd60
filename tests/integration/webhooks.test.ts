import request from 'supertest';
import { formCampaign, publishCampaign, quizCampaign } from '../fixtures/campaigns';
import { authHeader } from '../harness/admin';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver';
import { webhookStage } from '../harness/webhook-stage';
import { bootWithSimulator, type AppWithSimulator } from '../harness/with-simulator';
import { waitFor } from '../harness/wait';

/**
 * The plugin's events through Strapi's own webhooks: registered with the webhook store, emitted on
 * the event hub and delivered by Strapi's runner to a real HTTP receiver on 127.0.0.1. (The
 * settings routes that subscribe a webhook: webhook-settings.test.ts.)
 */

const PLUGIN_EVENTS = [
  'clearon.participation.created',
  'clearon.coupon.issued',
  'clearon.coupon.failed',
  'clearon.coupon.dead',
];

describe('webhooks', () => {
  let stage: AppWithSimulator;
  let receiver: WebhookReceiver;
  /** Subscribed to every plugin event through POST /admin/webhooks, before the tests. */
  let allEvents: { id: string; events: string[] };

  const app = () => stage.app;
  const admin = () => authHeader(stage.adminToken);
  const { submit, referenceOf, delivered, createWebhook } = webhookStage(
    () => stage,
    () => receiver
  );

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    stage = await bootWithSimulator({
      pluginConfig: {
        worker: {
          pollIntervalMs: 50,
          backoffBaseMs: 30,
          backoffMaxMs: 100,
          retryForMs: 1_500,
          circuit: { failureThreshold: 5, probeIntervalMs: 200 },
        },
        buttonWaitMs: 3000,
        rateLimit: { enabled: false },
      },
    });
    await publishCampaign(app().strapi, formCampaign('hooks'));
    await publishCampaign(app().strapi, formCampaign('hooks-none', null));
    await publishCampaign(
      app().strapi,
      formCampaign('hooks-unknown', {
        couponCode: 'UNKNOWN9',
        validityDays: 5,
        delivery: 'automatic',
      })
    );
    await publishCampaign(app().strapi, quizCampaign('hooks-quiz'));
    allEvents = (await createWebhook('All ClearOn events', '/all', PLUGIN_EVENTS).expect(201)).body
      .data;
  });

  afterAll(async () => {
    await stage?.stop();
    await receiver?.close();
  });

  it('POST /admin/webhooks takes the plugin events, and refuses an unknown one with a 400', async () => {
    const created = await createWebhook('Also all', '/also', PLUGIN_EVENTS).expect(201);
    expect(created.body.data.events).toEqual(PLUGIN_EVENTS);
    expect(allEvents).toMatchObject({ events: PLUGIN_EVENTS, isEnabled: true });
    await request(app().server).delete(`/admin/webhooks/${created.body.data.id}`).set(admin());

    const refused = await createWebhook('Bad', '/bad', ['clearon.coupon.revoked']).expect(400);
    expect(refused.body.error.message).toContain('clearon.coupon.revoked');
    const list = await request(app().server).get('/admin/webhooks').set(admin()).expect(200);
    expect(list.body.data.map((w: { name: string }) => w.name)).not.toContain('Bad');
  });

  it('delivers participation.created and coupon.issued with Strapi headers, without personal data', async () => {
    const res = await submit('hooks', {
      firstname: 'Hanna',
      email: 'hanna.hook@example.se',
      deliveryType: 'sms',
      phone: '+46 70 111 22 33',
    });
    const reference = await referenceOf(res.body.data.id);
    const created = await delivered('/all', 'clearon.participation.created', reference);
    const issued = await delivered('/all', 'clearon.coupon.issued', reference);

    for (const delivery of [created, issued]) {
      expect(delivery.headers['x-strapi-event']).toBe(delivery.body.event);
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.headers['x-receiver-token']).toBe('t0k');
      expect(Date.parse(delivery.body.createdAt)).not.toBeNaN();
      for (const personal of [
        'hanna.hook@example.se',
        '+46701112233',
        '111 22 33',
        'Hanna',
        'answers',
      ]) {
        expect(delivery.raw).not.toContain(personal);
      }
    }
    const campaign = await app()
      .strapi.db.query('plugin::clearon.campaign')
      .findOne({ where: { slug: 'hooks' }, select: ['documentId'] });
    const row = await app()
      .strapi.db.query('plugin::clearon.coupon')
      .findOne({ where: { reference }, select: ['id', 'documentId'] });
    expect(created.body.participation).toEqual({
      documentId: res.body.data.id,
      reference,
      campaign: campaign.documentId,
      exitScreenIndex: 0,
      recipient: 'h***@example.se',
      coupon: { id: row.id, documentId: row.documentId, status: 'pending', delivery: 'button' },
    });
    const atClearon = stage.simulator.coupons.get(reference)!;
    expect(issued.body.coupon).toMatchObject({
      id: row.id,
      documentId: row.documentId,
      reference,
      status: 'issued',
      delivery: 'button',
      channel: 'sms',
      campaign: campaign.documentId,
      trigger: null,
      participation: res.body.data.id,
      recipient: 'h***@example.se',
      code: atClearon.code,
      redeemUrl: atClearon.redeemUrl,
      errorCode: null,
    });
  });

  it('announces a participation without a coupon', async () => {
    const res = await submit('hooks-none', {
      firstname: 'N',
      email: 'none@example.se',
      deliveryType: 'email',
    });
    const reference = await referenceOf(res.body.data.id);
    const created = await delivered('/all', 'clearon.participation.created', reference);
    expect(created.body.participation).toMatchObject({
      documentId: res.body.data.id,
      coupon: null,
    });
  });

  it('delivers coupon.failed for a permanent error, without the Automatic coupon code', async () => {
    const res = await submit('hooks-unknown', {
      firstname: 'F',
      email: 'failing@example.se',
      deliveryType: 'email',
    });
    const reference = await referenceOf(res.body.data.id);
    const failed = await delivered('/all', 'clearon.coupon.failed', reference);
    expect(failed.body.coupon).toMatchObject({
      status: 'failed',
      delivery: 'automatic',
      errorCode: 'unknown_coupon',
      recipient: 'f***@example.se',
    });
    expect(failed.body.coupon).not.toHaveProperty('code');
    expect(failed.raw).not.toContain('failing@example.se');
  });

  it('delivers coupon.dead when ClearOn keeps failing past retryForMs', async () => {
    stage.simulator.setErrorRate(1, 500);
    try {
      const res = await submit('hooks-quiz', {
        email: 'dying@example.se',
        q1: 'right',
        q2: 'right',
      });
      const reference = await referenceOf(res.body.data.id);
      const dead = await delivered('/all', 'clearon.coupon.dead', reference);
      expect(dead.body.coupon).toMatchObject({ status: 'dead', delivery: 'automatic' });
      expect(dead.body.coupon?.errorCode).toEqual(expect.any(String));
      expect(dead.body.coupon?.attempts).toBeGreaterThan(1);
      expect(dead.raw).not.toContain('dying@example.se');
    } finally {
      stage.simulator.setErrorRate(0);
    }
  });

  it('never lets a failing event hub listener break the participation or the issuer', async () => {
    const warn = jest.spyOn(app().strapi.log, 'warn');
    const unsubscribe = app().strapi.eventHub.subscribe(async (name: string) => {
      if (name.startsWith('clearon.')) throw new Error('listener down for boom@example.se');
    });
    try {
      const res = await submit('hooks', {
        firstname: 'B',
        email: 'boom@example.se',
        deliveryType: 'email',
      });
      const reference = await referenceOf(res.body.data.id);
      // Strapi's runner (the hub's first subscriber) still delivers; the coupon is issued.
      await delivered('/all', 'clearon.coupon.issued', reference);
      await waitFor(async () =>
        warn.mock.calls.some(([line]) => String(line).includes('clearon.coupon.issued not emitted'))
      );
      const row = await app()
        .strapi.db.query('plugin::clearon.coupon')
        .findOne({ where: { reference }, select: ['status'] });
      expect(row.status).toBe('issued');
      const logged = warn.mock.calls.map(([line]) => String(line)).join('\n');
      expect(logged).toContain('clearon.participation.created not emitted');
      expect(logged).not.toContain('boom@example.se');
    } finally {
      unsubscribe();
      warn.mockRestore();
    }
  });
});
