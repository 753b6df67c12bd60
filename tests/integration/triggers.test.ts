import request from 'supertest';
import type { Simulator } from '../../simulator/src';
import type { TestApp } from '../harness/strapi';
import { authHeader, createAdminWithPermissions } from '../harness/admin';
import { waitFor } from '../harness/wait';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver';
import { getService } from '../../server/src/utils/get-service';
import { bootWithSimulator, type AppWithSimulator } from '../harness/with-simulator';

const WORKER = { pollIntervalMs: 50, backoffBaseMs: 30, backoffMaxMs: 100, retryForMs: 2_000 };
const SIGNUP = 'api::signup.signup';
const NEWSLETTER = 'api::newsletter.newsletter';

type Row = Record<string, unknown>;

describe('coupon triggers on the app’s own content types', () => {
  let app: TestApp;
  let simulator: Simulator;
  let adminToken: string;
  let stage: AppWithSimulator | undefined;
  let receiver: WebhookReceiver;

  const couponsOf = (where: Row) =>
    app.strapi.db.connection('clearon_coupons').where(where).select('*') as Promise<Row[]>;
  const sentTo = (reference: unknown) =>
    simulator.received.filter((r) => (r.body as { reference?: string })?.reference === reference);
  const signup = (data: Row) => request(app.server).post('/api/signups').send({ data });
  const admin = () => ({ ...authHeader(adminToken) });
  const signupCount = async () =>
    Number((await app.strapi.db.connection('signups').count({ n: '*' }))[0].n);

  beforeAll(async () => {
    stage = await bootWithSimulator({
      pluginConfig: {
        worker: WORKER,
        rateLimit: { enabled: false },
        limits: { recipientPerDay: 3 },
        triggerSweep: { enabled: false, intervalMs: 60_000, lookbackHours: 24 },
      },
    });
    ({ app, simulator, adminToken } = stage);
    receiver = await startWebhookReceiver();
    await request(app.server)
      .post('/admin/webhooks')
      .set(admin())
      .send({
        name: 'Coupons',
        url: `${receiver.url}/hook`,
        headers: {},
        events: ['clearon.coupon.issued'],
      })
      .expect(201);
  });

  afterAll(async () => {
    await stage?.stop();
    await receiver?.close();
  });

  describe('the demo trigger (config): POST /api/signups', () => {
    it('gives an opted-in sign-up coupon ENTRY5 for 7 days, sent by email', async () => {
      const { body } = await signup({
        firstName: 'Ada',
        email: 'ada.signup@example.se',
        optIn: true,
      }).expect(201);
      const [coupon] = await couponsOf({ source_document_id: body.data.documentId });
      expect(coupon).toMatchObject({
        trigger_key: 'signup-welcome',
        source_uid: SIGNUP,
        coupon_code: 'ENTRY5',
        validity_days: 7,
        channel: 'email',
        recipient_masked: 'a***@example.se',
      });
      expect(coupon.participation_id ?? null).toBeNull();
      await waitFor(async () => (await couponsOf({ id: coupon.id }))[0].status === 'issued');
      // Strapi's webhook runner delivers the event, with the trigger and no personal data.
      const delivery = await receiver.delivered(
        '/hook',
        'clearon.coupon.issued',
        coupon.reference as string
      );
      expect(delivery.body.coupon).toMatchObject({
        campaign: null,
        trigger: { key: 'signup-welcome', uid: SIGNUP, documentId: body.data.documentId },
        recipient: 'a***@example.se',
      });
      expect(delivery.raw).not.toContain('ada.signup@example.se');
      const [sent] = sentTo(coupon.reference);
      expect(sent.body).toMatchObject({
        couponCode: 'ENTRY5',
        validityDays: 7,
        delivery: 'email',
        recipient: { email: 'ada.signup@example.se', firstName: 'Ada' },
      });
    });

    it('sends it by SMS, in E.164, when the sign-up asks for SMS and gives a phone', async () => {
      const { body } = await signup({
        email: 'sms.signup@example.se',
        phone: '070-123 45 67',
        deliveryType: 'sms',
        optIn: true,
      }).expect(201);
      const [coupon] = await couponsOf({ source_document_id: body.data.documentId });
      expect(coupon.channel).toBe('sms');
      await waitFor(async () => sentTo(coupon.reference).length > 0);
      expect(sentTo(coupon.reference)[0].body).toMatchObject({
        delivery: 'sms',
        recipient: { phone: '+46701234567' },
      });
    });

    it('writes no coupon when the condition does not hold (no opt-in)', async () => {
      const { body } = await signup({ email: 'no.optin@example.se', optIn: false }).expect(201);
      expect(await couponsOf({ source_document_id: body.data.documentId })).toHaveLength(0);
    });

    it('refuses an opted-in sign-up without a recipient with a 400 naming the field, and keeps no entry', async () => {
      const before = await signupCount();
      const { body } = await signup({ firstName: 'Nobody', optIn: true }).expect(400);
      expect(body.error.details.errors[0].path).toEqual(['email']);
      const bad = await signup({ phone: 'not a phone', deliveryType: 'sms', optIn: true }).expect(
        400
      );
      expect(bad.body.error.details.errors[0].path).toEqual(['phone']);
      expect(await signupCount()).toBe(before);
    });

    it('holds one coupon per person under simultaneous sign-ups (the trigger says once)', async () => {
      const before = await signupCount();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => signup({ email: 'Race.Person@Example.se', optIn: true }))
      );
      const created = answers.filter((answer) => answer.status === 201);
      expect(created).toHaveLength(1);
      for (const refused of answers.filter((answer) => answer.status !== 201)) {
        expect(refused.status).toBe(409);
        expect(refused.body.error).toMatchObject({
          name: 'ParticipationLimitError',
          details: { reason: 'once' },
        });
      }
      expect(await signupCount()).toBe(before + 1);
      expect(await couponsOf({ recipient_masked: 'R***@Example.se' })).toHaveLength(1);
    });

    it('shows the entry’s coupon to the Content Manager panel and filters the dashboard by trigger', async () => {
      const { body } = await signup({ email: 'panel@example.se', optIn: true }).expect(201);
      const documentId = body.data.documentId;
      const panel = await request(app.server)
        .get('/clearon/triggers/entry-coupons')
        .query({ uid: SIGNUP, documentId })
        .set(admin())
        .expect(200);
      expect(panel.body.meta.hasTriggers).toBe(true);
      expect(panel.body.data).toEqual([
        expect.objectContaining({
          trigger: 'signup-welcome',
          triggerName: 'Sign-up welcome coupon',
          recipient: 'p***@example.se',
        }),
      ]);
      expect(JSON.stringify(panel.body)).not.toContain('panel@example.se');
      await request(app.server)
        .get('/clearon/triggers/entry-coupons')
        .query({ uid: SIGNUP })
        .set(admin())
        .expect(400);

      const listed = await request(app.server)
        .get('/clearon/coupons')
        .query({ trigger: 'signup-welcome', pageSize: 100 })
        .set(admin())
        .expect(200);
      expect(listed.body.results.length).toBeGreaterThanOrEqual(3);
      for (const coupon of listed.body.results) expect(coupon.trigger).toBe('signup-welcome');
    });

    it('names the triggers to readers of the coupons (coupons.read, no settings permission)', async () => {
      const reader = await createAdminWithPermissions(app, ['plugin::clearon.coupons.read']);
      const { body } = await request(app.server)
        .get('/clearon/trigger-options')
        .set(authHeader(reader.token))
        .expect(200);
      expect(body.data).toEqual([
        { key: 'signup-welcome', name: 'Sign-up welcome coupon', contentType: SIGNUP },
      ]);
      await request(app.server).get('/clearon/triggers').set(authHeader(reader.token)).expect(403);
    });

    it('keeps the config trigger read-only in the admin API', async () => {
      const { body } = await request(app.server).get('/clearon/triggers').set(admin()).expect(200);
      expect(body.data).toEqual([
        expect.objectContaining({ key: 'signup-welcome', source: 'config', couponCode: 'ENTRY5' }),
      ]);
      await request(app.server)
        .put('/clearon/triggers/signup-welcome')
        .set(admin())
        .send({ name: 'x' })
        .expect(400);
      await request(app.server).delete('/clearon/triggers/signup-welcome').set(admin()).expect(409);
    });
  });

  describe('the sweep: entries written behind the document service’s back', () => {
    it('issues the missing coupon once, and only for entries that meet the condition', async () => {
      const query = app.strapi.db.query(SIGNUP);
      const kept = await query.create({
        data: { documentId: 'swept000000000000000001', email: 'swept@example.se', optIn: true },
      });
      await query.create({
        data: { documentId: 'swept000000000000000002', email: 'skipped@example.se', optIn: false },
      });
      const sweep = getService(app.strapi, 'trigger-sweep');
      expect(await sweep.sweep({ force: true })).toBe(1);
      const [coupon] = await couponsOf({ source_document_id: kept.documentId });
      await waitFor(async () => (await couponsOf({ id: coupon.id }))[0].status === 'issued');
      expect(await sweep.sweep({ force: true })).toBe(0);
      expect(await couponsOf({ source_document_id: kept.documentId })).toHaveLength(1);
    });
  });

  describe('a trigger made in the settings: on publish, per locale', () => {
    const documents = () => app.strapi.documents(NEWSLETTER);
    // The playground's generated types are not built in tests: update() knows no field by name.
    type Changes = Parameters<ReturnType<typeof documents>['update']>[0]['data'];
    const changes = (data: Record<string, unknown>) => data as Changes;
    let before: string;

    beforeAll(async () => {
      // An entry older than the trigger: the sweep leaves it alone.
      const old = await documents().create({
        data: { fullName: 'Old', email: 'old@example.se', consent: true },
        status: 'published',
      });
      before = old.documentId;
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await request(app.server)
        .post('/clearon/triggers')
        .set(admin())
        .send({
          key: 'newsletter-publish',
          name: 'Newsletter thanks',
          contentType: NEWSLETTER,
          event: 'publish',
          couponCode: 'NEWS10',
          validityDays: 30,
          delivery: 'button',
          mapping: { email: 'email', firstName: 'fullName' },
          condition: { field: 'consent', equals: true },
          participationLimit: 'unlimited',
        })
        .expect((res) => expect(res.body.error ?? null).toBeNull())
        .expect(201);
    });

    it('refuses a trigger whose mapping names a missing or unfit field, naming it', async () => {
      const bad = await request(app.server)
        .post('/clearon/triggers')
        .set(admin())
        .send({
          key: 'bad-one',
          name: 'Bad',
          contentType: 'api::signup.signup',
          event: 'publish',
          couponCode: 'X',
          validityDays: 0,
          delivery: 'automatic',
          mapping: { email: 'nope', phone: 'optIn' },
          condition: { field: 'deliveryType', equals: 'fax' },
        })
        .expect(400);
      const paths = bad.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
      expect(paths).toEqual(
        expect.arrayContaining([
          'event',
          'validityDays',
          'mapping.email',
          'mapping.phone',
          'condition.equals',
        ])
      );
      const plugin = await request(app.server)
        .post('/clearon/triggers')
        .set(admin())
        .send({ key: 'p', contentType: 'plugin::clearon.participation' })
        .expect(400);
      const pluginPaths = plugin.body.error.details.errors.map(
        (e: { path: string[] }) => e.path[0]
      );
      expect(pluginPaths).toEqual(expect.arrayContaining(['key', 'contentType']));
      const types = await request(app.server)
        .get('/clearon/triggers/content-types')
        .set(admin())
        .expect(200);
      const uids = types.body.data.map((type: { uid: string }) => type.uid);
      expect(uids).toEqual(expect.arrayContaining([SIGNUP, NEWSLETTER]));
      expect(uids.some((uid: string) => !uid.startsWith('api::'))).toBe(false);
    });

    it('fires on publish, never twice for one document and locale, and again for another locale', async () => {
      const draft = await documents().create({
        data: { fullName: 'Bo', email: 'bo.news@example.se', consent: true },
      });
      expect(await couponsOf({ source_document_id: draft.documentId })).toHaveLength(0);

      await documents().publish({ documentId: draft.documentId });
      await documents().update({
        documentId: draft.documentId,
        data: changes({ fullName: 'Bo B' }),
      });
      await documents().publish({ documentId: draft.documentId });
      const published = await couponsOf({ source_document_id: draft.documentId });
      expect(published).toHaveLength(1);
      expect(published[0]).toMatchObject({
        trigger_key: 'newsletter-publish',
        source_locale: 'en',
      });

      // A create asked as published publishes inside Strapi (no publish action): still one coupon.
      const direct = await documents().create({
        data: { fullName: 'Cy', email: 'cy.news@example.se', consent: true },
        status: 'published',
      });
      expect(await couponsOf({ source_document_id: direct.documentId })).toHaveLength(1);

      await documents().update({
        documentId: draft.documentId,
        locale: 'fr',
        data: changes({ fullName: 'Bo', email: 'bo.news@example.se', consent: true }),
        status: 'published',
      });
      const both = await couponsOf({ source_document_id: draft.documentId });
      expect(both.map((row) => row.source_locale).sort()).toEqual(['en', 'fr']);

      // The sweep finds nothing more to do: the old entry predates the trigger.
      expect(await getService(app.strapi, 'trigger-sweep').sweep({ force: true })).toBe(0);
      expect(await couponsOf({ source_document_id: before })).toHaveLength(0);
    });

    it('applies the per-recipient daily ceiling across triggers (limits.recipientPerDay)', async () => {
      const publishOne = (name: string) =>
        documents().create({
          data: { fullName: name, email: 'zed.ceiling@example.se', consent: true },
          status: 'published',
        });
      for (const name of ['A', 'B', 'C']) await publishOne(name);
      await expect(publishOne('D')).rejects.toMatchObject({
        name: 'ParticipationLimitError',
        details: { reason: 'recipient_daily_limit' },
      });
      expect(await couponsOf({ recipient_masked: 'z***@example.se' })).toHaveLength(3);
    });
  });
});
