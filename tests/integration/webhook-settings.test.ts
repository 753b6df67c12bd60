import request from 'supertest';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { authHeader, createAdminWithPermissions } from '../harness/admin';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver';
import { webhookStage } from '../harness/webhook-stage';
import { bootWithSimulator, type AppWithSimulator } from '../harness/with-simulator';

/**
 * Settings → ClearOn → Webhooks' routes: they subscribe the app's existing Strapi webhooks to the
 * plugin's events through Strapi's webhook store and refresh Strapi's runner, so that the next
 * event reaches a real HTTP receiver on 127.0.0.1.
 */

const PLUGIN_EVENTS = [
  'clearon.participation.created',
  'clearon.coupon.issued',
  'clearon.coupon.failed',
  'clearon.coupon.dead',
];

describe('the webhook settings routes', () => {
  let stage: AppWithSimulator;
  let receiver: WebhookReceiver;

  const app = () => stage.app;
  const admin = () => authHeader(stage.adminToken);
  const hooks = webhookStage(
    () => stage,
    () => receiver
  );
  const { referenceOf, delivered, createWebhook } = hooks;
  const submit = (answers: Record<string, unknown>) => hooks.submit('hooks', answers);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    stage = await bootWithSimulator({
      pluginConfig: {
        worker: { pollIntervalMs: 50 },
        buttonWaitMs: 0,
        rateLimit: { enabled: false },
      },
    });
    await publishCampaign(app().strapi, formCampaign('hooks'));
    await createWebhook('All ClearOn events', '/all', PLUGIN_EVENTS).expect(201);
  });

  afterAll(async () => {
    await stage?.stop();
    await receiver?.close();
  });

  it('subscribe an existing webhook to the plugin events, keeping its own events', async () => {
    const hook = (
      await createWebhook('Entries', '/entries?token=s3cr3t', ['entry.create']).expect(201)
    ).body.data;

    const listed = await request(app().server).get('/clearon/webhooks').set(admin()).expect(200);
    expect(listed.body.meta.events).toEqual(PLUGIN_EVENTS);
    const entry = listed.body.data.find((w: { id: string }) => w.id === hook.id);
    expect(entry).toEqual({
      id: hook.id,
      name: 'Entries',
      url: `${receiver.url}/entries`,
      isEnabled: true,
      events: [],
      otherEvents: ['entry.create'],
    });
    expect(JSON.stringify(listed.body)).not.toContain('s3cr3t');

    const updated = await request(app().server)
      .put(`/clearon/webhooks/${hook.id}`)
      .set(admin())
      .send({ events: ['clearon.coupon.issued'] })
      .expect(200);
    expect(updated.body.data.events).toEqual(['clearon.coupon.issued']);
    const stored = await request(app().server).get(`/admin/webhooks/${hook.id}`).set(admin());
    expect(stored.body.data.events).toEqual(['entry.create', 'clearon.coupon.issued']);

    // The runner was refreshed: the next coupon reaches this webhook without a restart.
    const res = await submit({
      firstname: 'S',
      email: 'sub@example.se',
      deliveryType: 'email',
    });
    const reference = await referenceOf(res.body.data.id);
    const issued = await delivered('/entries?token=s3cr3t', 'clearon.coupon.issued', reference);
    expect(issued.headers['x-strapi-event']).toBe('clearon.coupon.issued');

    // Unsubscribed: the next coupon goes to the other webhook only.
    await request(app().server)
      .put(`/clearon/webhooks/${hook.id}`)
      .set(admin())
      .send({ events: [] })
      .expect(200);
    const next = await submit({
      firstname: 'U',
      email: 'unsub@example.se',
      deliveryType: 'email',
    });
    const nextReference = await referenceOf(next.body.data.id);
    await delivered('/all', 'clearon.coupon.issued', nextReference);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      receiver.deliveries.filter(
        (d) => d.path.startsWith('/entries') && d.body.coupon?.reference === nextReference
      )
    ).toEqual([]);
  });

  it('refuse unknown events (400 naming the field), unknown webhooks (404) and readers (403)', async () => {
    const hook = (await createWebhook('Other', '/other', ['entry.update']).expect(201)).body.data;
    const bad = await request(app().server)
      .put(`/clearon/webhooks/${hook.id}`)
      .set(admin())
      .send({ events: ['clearon.coupon.issued', 'entry.delete'] })
      .expect(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['events', '1']);
    expect(bad.body.error.message).toContain('events.1');
    const notArray = await request(app().server)
      .put(`/clearon/webhooks/${hook.id}`)
      .set(admin())
      .send({ events: 'clearon.coupon.issued' })
      .expect(400);
    expect(notArray.body.error.details.errors[0].path).toEqual(['events']);

    await request(app().server)
      .put('/clearon/webhooks/999999')
      .set(admin())
      .send({ events: [] })
      .expect(404);

    const reader = await createAdminWithPermissions(app(), ['plugin::clearon.settings.read']);
    await request(app().server).get('/clearon/webhooks').set(authHeader(reader.token)).expect(200);
    await request(app().server)
      .put(`/clearon/webhooks/${hook.id}`)
      .set(authHeader(reader.token))
      .send({ events: ['clearon.coupon.issued'] })
      .expect(403);
    const stored = await request(app().server).get(`/admin/webhooks/${hook.id}`).set(admin());
    expect(stored.body.data.events).toEqual(['entry.update']);
  });
});
