import request from 'supertest';
import type { Simulator } from '../../simulator/src';
import type { TestApp } from '../harness/strapi';
import { createIntegration } from '../fixtures/integrations';
import {
  formCampaign,
  personalityCampaign,
  publishCampaign,
  quizCampaign,
} from '../fixtures/campaigns';
import { waitFor } from '../harness/wait';
import { getService } from '../../server/src/utils/get-service';
import { bootWithSimulator, type AppWithSimulator } from '../harness/with-simulator';

const WORKER = {
  pollIntervalMs: 50,
  backoffBaseMs: 30,
  backoffMaxMs: 100,
  retryForMs: 2_000,
  circuit: { failureThreshold: 5, probeIntervalMs: 200 },
};

describe('campaigns, participations and coupon issuing', () => {
  let app: TestApp;
  let simulator: Simulator;
  let adminToken: string;
  let stage: AppWithSimulator | undefined;

  const couponRows = () => app.strapi.db.connection('clearon_coupons').select('*');
  const participationCount = async () =>
    Number((await app.strapi.db.connection('clearon_participations').count({ n: '*' }))[0].n);
  const submit = (slug: string, answers: unknown) =>
    request(app.server).post(`/api/clearon/campaigns/${slug}/participations`).send({ answers });
  const received = (reference: string) =>
    simulator.received.filter((r) => (r.body as { reference?: string })?.reference === reference);
  const referenceOf = async (participationId: string) =>
    (
      await app.strapi.db
        .query('plugin::clearon.participation')
        .findOne({ where: { documentId: participationId }, select: ['reference'] })
    ).reference as string;

  beforeAll(async () => {
    stage = await bootWithSimulator({
      pluginConfig: { worker: WORKER, buttonWaitMs: 3000, rateLimit: { enabled: false } },
    });
    ({ app, simulator, adminToken } = stage);
    await publishCampaign(app.strapi, formCampaign('form'));
    await publishCampaign(app.strapi, quizCampaign('quiz'));
    await publishCampaign(app.strapi, personalityCampaign('personality'));
  });

  afterAll(async () => {
    await stage?.stop();
  });

  describe('GET /api/clearon/campaigns/:slug', () => {
    it('shows the public form without hidden fields, points, profiles or coupons', async () => {
      const { body } = await request(app.server).get('/api/clearon/campaigns/quiz').expect(200);
      expect(body.data).toMatchObject({
        slug: 'quiz',
        title: 'Quiz quiz',
        mode: 'identified',
        format: 'quiz',
      });
      expect(body.data.questions[0]).toEqual({
        key: 'q1',
        label: 'Question q1',
        answers: [
          { label: 'Right', value: 'right' },
          { label: 'Wrong', value: 'wrong' },
        ],
      });
      const raw = JSON.stringify(body);
      for (const secret of [
        'points',
        'profile',
        'QUIZ20',
        'coupon',
        'integration',
        'exitScreens',
      ]) {
        expect(raw).not.toContain(secret);
      }
      const form = await request(app.server).get('/api/clearon/campaigns/form').expect(200);
      expect(form.body.data.fields.map((f: { key: string }) => f.key)).toEqual([
        'firstname',
        'email',
        'deliveryType',
        'phone',
      ]);
      expect(form.body.data.fields[3].showWhen).toEqual({ field: 'deliveryType', value: 'sms' });
    });

    it('is 404 for unknown, unpublished, not yet started and ended campaigns', async () => {
      await app.strapi
        .documents('plugin::clearon.campaign')
        .create({ data: formCampaign('draft-only') } as never);
      await publishCampaign(app.strapi, {
        ...formCampaign('ended'),
        endsAt: new Date(Date.now() - 60_000).toISOString(),
      });
      await publishCampaign(app.strapi, {
        ...formCampaign('future'),
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      for (const slug of ['nope', 'draft-only', 'ended', 'future']) {
        await request(app.server).get(`/api/clearon/campaigns/${slug}`).expect(404);
      }
    });
  });

  describe('a form in Button mode', () => {
    it('returns the issued coupon with its redeem link and renders the exit screen', async () => {
      const res = await submit('form', {
        firstname: '<Ada>',
        email: 'ada@example.se',
        deliveryType: 'email',
      }).expect(201);
      const { data } = res.body;
      expect(data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(data.coupon).toMatchObject({ status: 'issued', delivery: 'button', channel: 'email' });
      expect(data.coupon.code).toMatch(/^\d{7}$/);
      expect(data.coupon.redeemUrl).toContain(simulator.url);
      expect(data.exitScreen.title).toBe('Thanks &lt;Ada&gt;!');
      expect(data.exitScreen.html).toBe(`<p>Your code: ${data.coupon.code}</p>`);

      const reference = await referenceOf(data.id);
      const calls = received(reference);
      expect(calls).toHaveLength(1);
      expect(calls[0].body).toMatchObject({
        couponCode: 'DEMO10',
        validityDays: 30,
        delivery: 'email',
        recipient: { email: 'ada@example.se', firstName: '<Ada>' },
        reference,
        dryRun: false,
      });

      const again = await request(app.server)
        .get(`/api/clearon/participations/${data.id}`)
        .query({ token: data.token })
        .expect(200);
      expect(again.body.data).toEqual({
        id: data.id,
        exitScreen: data.exitScreen,
        coupon: data.coupon,
      });
      await request(app.server)
        .get(`/api/clearon/participations/${data.id}`)
        .query({ token: 'x'.repeat(43) })
        .expect(404);
      await request(app.server).get(`/api/clearon/participations/${data.id}`).expect(404);
      const byHeader = await request(app.server)
        .get(`/api/clearon/participations/${data.id}`)
        .set('X-Participation-Token', data.token)
        .expect(200);
      expect(byHeader.body.data).toEqual(again.body.data);
      await request(app.server)
        .get(`/api/clearon/participations/${data.id}`)
        .set('X-Participation-Token', 'wrong')
        .expect(404);
    });

    it('sends by SMS to the E.164 number when the participant chose SMS', async () => {
      const res = await submit('form', {
        firstname: 'Bo',
        deliveryType: 'sms',
        phone: '0701234567',
      }).expect(201);
      const [call] = received(await referenceOf(res.body.data.id));
      expect(call.body).toMatchObject({
        delivery: 'sms',
        recipient: { phone: '+46701234567', firstName: 'Bo' },
      });
      expect((call.body as { recipient: object }).recipient).not.toHaveProperty('email');
    });

    it('answers pending when ClearOn is slower than buttonWaitMs, and the coupon is issued later', async () => {
      simulator.setLatency(3_500);
      try {
        const res = await submit('form', {
          firstname: 'Slow',
          email: 'slow@example.se',
          deliveryType: 'email',
        }).expect(201);
        expect(res.body.data.coupon).toEqual({
          status: 'pending',
          delivery: 'button',
          channel: 'email',
        });
        const { id, token } = res.body.data;
        const issued = await waitFor(async () => {
          const { body } = await request(app.server)
            .get(`/api/clearon/participations/${id}`)
            .query({ token });
          return body.data.coupon.status === 'issued' ? body.data.coupon : null;
        });
        expect(issued.code).toMatch(/^\d{7}$/);
      } finally {
        simulator.setLatency(0);
      }
    });
  });

  describe('quizzes and personality tests', () => {
    it('a perfect quiz gets the Automatic coupon, never shown, sent by email', async () => {
      const res = await submit('quiz', {
        email: 'quiz@example.se',
        q1: 'right',
        q2: 'right',
      }).expect(201);
      const { data } = res.body;
      expect(data.exitScreen.title).toBe('Perfect score');
      expect(data.coupon).toMatchObject({ delivery: 'automatic', channel: 'email' });
      expect(data.coupon).not.toHaveProperty('code');
      expect(data.coupon).not.toHaveProperty('redeemUrl');
      const reference = await referenceOf(data.id);
      await waitFor(async () => received(reference).length === 1);
      expect(received(reference)[0].body).toMatchObject({
        couponCode: 'QUIZ20',
        validityDays: 14,
        delivery: 'email',
      });
      const later = await waitFor(async () => {
        const { body } = await request(app.server)
          .get(`/api/clearon/participations/${data.id}`)
          .query({ token: data.token });
        return body.data.coupon.status === 'issued' ? body.data.coupon : null;
      });
      expect(later).toEqual({ status: 'issued', delivery: 'automatic', channel: 'email' });
    });

    it('a quiz with one right answer gets the default screen and no coupon', async () => {
      const before = simulator.received.length;
      const res = await submit('quiz', {
        email: 'one@example.se',
        q1: 'right',
        q2: 'wrong',
      }).expect(201);
      expect(res.body.data.exitScreen.title).toBe('Thanks for playing');
      expect(res.body.data.coupon).toBeNull();
      const rows = await app.strapi.db.query('plugin::clearon.coupon').count({
        where: { participation: { documentId: res.body.data.id } },
      });
      expect(rows).toBe(0);
      expect(simulator.received.length).toBe(before);
    });

    it('a personality test picks the profile screen and its coupon, by SMS', async () => {
      const res = await submit('personality', {
        phone: '+46 70 765 43 21',
        q1: 'dog',
        q2: 'cat',
        q3: 'dog',
      }).expect(201);
      expect(res.body.data.exitScreen.title).toBe('Dog person');
      const reference = await referenceOf(res.body.data.id);
      await waitFor(async () => received(reference).length === 1);
      expect(received(reference)[0].body).toMatchObject({
        couponCode: 'DOG5',
        delivery: 'sms',
        recipient: { phone: '+46707654321' },
      });
    });
  });

  describe('the outbox', () => {
    it('survives ClearOn failing the first attempts: issued once', async () => {
      simulator.failNext(2, 503);
      const res = await submit('form', {
        firstname: 'Retry',
        email: 'retry@example.se',
        deliveryType: 'email',
      }).expect(201);
      const reference = await referenceOf(res.body.data.id);
      const row = await waitFor(async () => {
        const [coupon] = await app.strapi.db.connection('clearon_coupons').where({ reference });
        return coupon?.status === 'issued' ? coupon : null;
      });
      expect(row.attempts).toBe(3);
      expect(received(reference).map((r) => r.status)).toEqual([503, 503, 201]);
      expect([...simulator.coupons.keys()].filter((k) => k === reference)).toHaveLength(1);
    });

    it('ends a permanent error as failed with the reason, visible through the admin route', async () => {
      const campaign = await publishCampaign(
        app.strapi,
        formCampaign('unknown-code', {
          couponCode: 'UNKNOWN1',
          validityDays: 5,
          delivery: 'automatic',
        })
      );
      await submit('unknown-code', {
        firstname: 'Nope',
        email: 'nope@example.se',
        deliveryType: 'email',
      }).expect(201);
      const failed = await waitFor(async () => {
        const { body } = await request(app.server)
          .get('/clearon/coupons')
          .query({ status: 'failed', campaign: campaign.documentId })
          .set('Authorization', `Bearer ${adminToken}`)
          .expect(200);
        return body.results.length === 1 ? body.results[0] : null;
      });
      expect(failed).toMatchObject({
        status: 'failed',
        lastErrorCode: 'unknown_coupon',
        recipient: 'n***@example.se',
        attempts: 1,
      });
      expect(failed.lastError).toMatch(/coupon/i);
      expect(JSON.stringify(failed)).not.toContain('nope@example.se');

      const stats = await request(app.server)
        .get('/clearon/coupons/stats')
        .query({ campaign: campaign.documentId })
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(stats.body.data).toEqual({
        pending: 0,
        issued: 0,
        failed: 1,
        dead: 0,
        needs_attention: 0,
      });
    });

    it('ends retryable failures as dead when retryForMs is up, and an admin retry issues it', async () => {
      simulator.setErrorRate(1, 500);
      const res = await submit('quiz', {
        email: 'dead@example.se',
        q1: 'right',
        q2: 'right',
      }).expect(201);
      const reference = await referenceOf(res.body.data.id);
      const dead = await waitFor(async () => {
        const [coupon] = await app.strapi.db.connection('clearon_coupons').where({ reference });
        return coupon?.status === 'dead' ? coupon : null;
      });
      simulator.setErrorRate(0);
      // Dead no sooner than retryForMs after it was written.
      expect(
        new Date(dead.updated_at).getTime() - new Date(dead.created_at).getTime()
      ).toBeGreaterThanOrEqual(WORKER.retryForMs - 50);
      expect(dead.last_error).toMatch(/^Gave up after 2 s of retries/);

      await request(app.server)
        .post(`/clearon/coupons/${dead.id}/retry`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      await waitFor(async () => {
        const [coupon] = await app.strapi.db.connection('clearon_coupons').where({ reference });
        return coupon?.status === 'issued';
      });
      await request(app.server)
        .post(`/clearon/coupons/${dead.id}/retry`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(400);
    });

    it('writes the coupon of a participation created by code, and none for a rolled-back one', async () => {
      const campaign = await app.strapi
        .documents('plugin::clearon.campaign')
        .findFirst({ filters: { slug: 'form' }, status: 'published' } as never);
      const created = (await app.strapi.documents('plugin::clearon.participation').create({
        data: {
          campaign: campaign!.documentId,
          answers: { firstname: 'Code', email: 'code@example.se', deliveryType: 'email' },
        },
      } as never)) as unknown as { documentId: string };
      const reference = await referenceOf(created.documentId);
      await waitFor(async () => received(reference).length === 1);
      expect(received(reference)[0].body).toMatchObject({
        delivery: 'email',
        recipient: { email: 'code@example.se' },
      });

      const coupons = (await couponRows()).length;
      const participations = await participationCount();
      await expect(
        app.strapi.db.transaction(async () => {
          await app.strapi.documents('plugin::clearon.participation').create({
            data: {
              campaign: campaign!.documentId,
              answers: { firstname: 'Gone', email: 'gone@example.se', deliveryType: 'email' },
            },
          } as never);
          throw new Error('roll back');
        })
      ).rejects.toThrow('roll back');
      expect((await couponRows()).length).toBe(coupons);
      expect(await participationCount()).toBe(participations);
    });

    it('200 concurrent submissions give 200 coupons, none twice', async () => {
      await publishCampaign(
        app.strapi,
        formCampaign('burst', { couponCode: 'BURST', validityDays: 3, delivery: 'automatic' })
      );
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          submit('burst', { firstname: `P${i}`, email: `p${i}@example.se`, deliveryType: 'email' })
        )
      );
      expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
      const burstRefs = async () =>
        (
          await app.strapi.db
            .connection('clearon_coupons')
            .where({ coupon_code: 'BURST', status: 'issued' })
        ).map((r: { reference: string }) => r.reference);
      await waitFor(async () => (await burstRefs()).length === 200, 60_000);
      const refs = new Set(await burstRefs());
      const calls = simulator.received.filter((r) =>
        refs.has((r.body as { reference: string }).reference)
      );
      expect(calls).toHaveLength(200);
      expect(new Set(calls.map((c) => (c.body as { reference: string }).reference)).size).toBe(200);
    });
  });

  describe('campaign rules', () => {
    it('refuses a coupon on an anonymous campaign and on a form without email or phone, naming the check', async () => {
      await expect(
        publishCampaign(app.strapi, { ...formCampaign('anon'), mode: 'anonymous' })
      ).rejects.toThrow(/mode to be "identified"/);
      const noContact = {
        ...formCampaign('no-contact'),
        fields: [{ key: 'firstname', label: 'Name', type: 'text' }],
      };
      await expect(publishCampaign(app.strapi, noContact)).rejects.toThrow(
        /email or a phone field/
      );
    });

    it('refuses a field bound to a mapping variable that does not exist', async () => {
      const unbound = {
        ...formCampaign('unbound'),
        fields: [{ key: 'email', label: 'Email', type: 'email', mappingVariable: 'nope' }],
      };
      await expect(publishCampaign(app.strapi, unbound)).rejects.toThrow(
        /fields\.0\.mappingVariable no mapping variable "nope"/
      );
    });

    it('refuses a bad validity through the Content Manager with a 400 naming the field', async () => {
      const res = await request(app.server)
        .post('/content-manager/collection-types/plugin::clearon.campaign')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({
          ...formCampaign('cm-bad', { couponCode: 'X', validityDays: 1.5, delivery: 'button' }),
        });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: ['exitScreens', '0', 'coupon', 'validityDays'],
            message: 'must be a whole number from 1 to 3650',
          }),
        ])
      );
    });

    it('keeps issued coupons as they are when the exit screen coupon is edited; new ones use the new settings', async () => {
      const campaign = await publishCampaign(
        app.strapi,
        formCampaign('edited', { couponCode: 'OLD', validityDays: 10, delivery: 'button' })
      );
      const first = await submit('edited', {
        firstname: 'A',
        email: 'a@example.se',
        deliveryType: 'email',
      }).expect(201);
      await app.strapi.documents('plugin::clearon.campaign').update({
        documentId: campaign.documentId,
        data: formCampaign('edited', { couponCode: 'NEW', validityDays: 20, delivery: 'button' }),
      } as never);
      await app.strapi
        .documents('plugin::clearon.campaign')
        .publish({ documentId: campaign.documentId } as never);
      const second = await submit('edited', {
        firstname: 'B',
        email: 'b@example.se',
        deliveryType: 'email',
      }).expect(201);
      const codeOf = async (id: string) =>
        received(await referenceOf(id))[0].body as { couponCode: string };
      expect((await codeOf(first.body.data.id)).couponCode).toBe('OLD');
      expect((await codeOf(second.body.data.id)).couponCode).toBe('NEW');
      const [old] = await app.strapi.db
        .connection('clearon_coupons')
        .where({ reference: await referenceOf(first.body.data.id) });
      expect(old.coupon_code).toBe('OLD');
    });
    it("fails visibly, and sends nothing, when the exit screen's integration was deleted since", async () => {
      const other = await createIntegration(app, {
        name: 'Second account',
        endpoint: simulator.endpoint,
        apiKey: 'test-key',
      });
      await publishCampaign(
        app.strapi,
        formCampaign('deleted-integration', {
          couponCode: 'GONE',
          validityDays: 10,
          delivery: 'button',
          integration: other.id,
        })
      );
      await getService(app.strapi, 'integrations').delete(other.id);
      const before = simulator.received.length;
      const { body } = await submit('deleted-integration', {
        firstname: 'C',
        email: 'c@example.se',
        deliveryType: 'email',
      }).expect(201);
      expect(body.data.coupon).toMatchObject({ status: 'failed', delivery: 'button' });
      const [row] = await app.strapi.db
        .connection('clearon_coupons')
        .where({ reference: await referenceOf(body.data.id) });
      expect(row).toMatchObject({ status: 'failed', last_error_code: 'integration_missing' });
      expect(row.last_error).toMatch(/no longer exists/);
      expect(simulator.received.length).toBe(before);
    });
  });
});
