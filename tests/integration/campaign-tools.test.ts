import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createAdminWithPermissions, createSuperAdmin } from '../harness/admin';
import { createIntegration } from '../fixtures/integrations';
import {
  ensureDeliveryTypeVariable,
  formCampaign,
  paragraphs,
  quizCampaign,
} from '../fixtures/campaigns';

const CAMPAIGN = 'plugin::clearon.campaign';
const READ_CAMPAIGNS = 'plugin::content-manager.explorer.read';
const TEST_COUPONS = 'plugin::clearon.coupons.test';

interface AdminRoles {
  assignPermissions(roleId: number, permissions: Array<Record<string, unknown>>): Promise<unknown>;
}

/** The form fixture with four exit screens: Button, Automatic, no coupon, unknown offer. */
const toolsCampaign = (slug: string, agencyIntegration: string) => {
  const base = formCampaign(slug);
  return {
    ...base,
    fields: [
      ...base.fields,
      { key: 'news', label: 'Newsletter', type: 'checkbox', mappingVariable: 'newsletter' },
    ],
    exitScreens: [
      {
        title: 'Thanks {firstname} <{deliveryType}>',
        body: [
          ...paragraphs(
            'Hi {firstname} ({email}, {phone}): {deliveryType}, {newsletter}, {source}, ' +
              '{optin}, {lastname}.'
          ),
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Code ' },
              { type: 'text', text: '{coupon.code}', bold: true },
              { type: 'text', text: ' at ' },
              {
                type: 'link',
                url: 'https://shop.example/redeem?code={coupon.code}',
                children: [{ type: 'text', text: 'link' }],
              },
              { type: 'text', text: ' until {coupon.expiresAt}' },
            ],
          },
        ],
        match: 'default',
        coupon: { couponCode: 'DEMO10', validityDays: 30, delivery: 'button' },
      },
      {
        title: 'Automatic',
        // A string, as code written for the old text body sends: stored as Blocks paragraphs.
        body: 'Sent!\n\nCode: [{coupon.code}]',
        match: 'default',
        coupon: { couponCode: 'AUTO5', validityDays: 7, delivery: 'automatic' },
      },
      { title: 'No coupon', body: 'Bye', match: 'default', coupon: null },
      {
        title: 'Unknown offer',
        match: 'default',
        coupon: { couponCode: 'UNKNOWN42', validityDays: 3, delivery: 'button' },
      },
      {
        title: 'Agency',
        match: 'default',
        coupon: {
          couponCode: 'AGENCY1',
          validityDays: 3,
          delivery: 'automatic',
          integration: agencyIntegration,
        },
      },
    ],
  };
};

describe('campaign preview and test coupon (admin)', () => {
  let app: TestApp;
  let simulator: Simulator;
  let token: string;
  let draftId: string;
  let publishedId: string;
  let quizId: string;

  const documents = () => app.strapi.documents(CAMPAIGN as never);
  const count = async (table: string) =>
    Number((await app.strapi.db.connection(table).count({ n: '*' }))[0].n);
  const preview = (documentId: string, query: Record<string, string> = {}, as = token) =>
    request(app.server)
      .get(`/clearon/campaigns/${documentId}/preview`)
      .query(query)
      .set(authHeader(as));
  const sendTest = (documentId: string, body: unknown, as = token) =>
    request(app.server)
      .post(`/clearon/campaigns/${documentId}/test-coupon`)
      .set(authHeader(as))
      .send(body as object);
  const lastReceived = () => simulator.received[simulator.received.length - 1];

  beforeAll(async () => {
    simulator = await startSimulator();
    app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    token = (await createSuperAdmin(app)).token;
    await createIntegration(app, {
      name: 'Simulator',
      endpoint: simulator.endpoint,
      apiKey: 'test-key',
    });
    const agency = await createIntegration(app, {
      name: 'Agency',
      endpoint: simulator.endpoint,
      apiKey: 'revoked-key',
    });
    await ensureDeliveryTypeVariable(app.strapi);
    for (const [technicalName, type] of [
      ['newsletter', 'opt-in'],
      ['optin', 'opt-in'],
    ]) {
      await app.strapi
        .documents('plugin::clearon.mapping-variable')
        .create({ data: { label: technicalName, technicalName, type } } as never);
    }

    // Never published: only the draft exists.
    const draft = (await documents().create({
      data: toolsCampaign('tools', agency.id),
    } as never)) as unknown as { documentId: string };
    draftId = draft.documentId;
    // Published, then edited: the draft and the published versions differ.
    const published = (await documents().create({
      data: { ...formCampaign('live'), title: 'Live title' },
      status: 'published',
    } as never)) as unknown as { documentId: string };
    publishedId = published.documentId;
    await documents().update({
      documentId: publishedId,
      data: { title: 'Edited title' },
    } as never);
    const quizData = quizCampaign('quiz');
    // A string body, as code written for the old text body sends: stored as Blocks.
    (quizData.exitScreens[0] as { body: unknown }).body = 'You scored {score}, {firstname}';
    const quiz = (await documents().create({
      data: quizData,
    } as never)) as unknown as { documentId: string };
    quizId = quiz.documentId;
  });

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  });

  describe('GET /clearon/campaigns/:documentId/preview', () => {
    it('shows the draft as a participant sees it, each exit screen rendered with escaped sample values', async () => {
      const before = Date.now();
      const { body } = await preview(draftId).expect(200);
      const data = body.data;
      expect(data.documentId).toBe(draftId);
      expect(data.status).toBe('draft');
      // The participant's view: no hidden field, conditions kept.
      expect(data.campaign).toMatchObject({ slug: 'tools', mode: 'identified', format: 'form' });
      expect(data.campaign.fields.map((f: { key: string }) => f.key)).toEqual([
        'firstname',
        'email',
        'deliveryType',
        'phone',
        'news',
      ]);
      expect(data.campaign.fields[3].showWhen).toEqual({ field: 'deliveryType', value: 'sms' });
      expect(data.eligibility).toEqual({ eligible: true, reasons: [] });

      const [button, automatic, none] = data.exitScreens;
      expect(button.index).toBe(0);
      expect(button.title).toBe('Thanks Alex &lt;&lt;deliveryType&gt;&gt;');
      expect(button.html).toBe(
        '<p>Hi Alex (alex@example.com, +46701234567): &lt;deliveryType&gt;, 1, tests, ' +
          '&lt;optin&gt;, &lt;lastname&gt;.</p><p>Code <strong>1234567</strong> at ' +
          `<a href="https://shop.example/redeem?code=1234567">link</a> until ${data.sampleCoupon.expiresAt}</p>`
      );
      // The blocks with the same values, as plain text.
      expect(button.blocks[0].children[0].text).toBe(
        'Hi Alex (alex@example.com, +46701234567): <deliveryType>, 1, tests, <optin>, <lastname>.'
      );
      expect(button.blocks[1].children[3]).toEqual({
        type: 'link',
        url: 'https://shop.example/redeem?code=1234567',
        children: [{ type: 'text', text: 'link' }],
      });
      const expires = Date.parse(data.sampleCoupon.expiresAt);
      expect(expires - before).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
      expect(expires - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
      expect(button).toMatchObject({
        match: 'default',
        minScore: null,
        maxScore: null,
        profile: null,
        coupon: { couponCode: 'DEMO10', validityDays: 30, delivery: 'button', integration: null },
      });
      // Automatic: the participant's page never shows the code, so neither does the preview.
      expect(automatic.html).toBe('<p>Sent!</p><p>Code: []</p>');
      expect(automatic.coupon).toMatchObject({ couponCode: 'AUTO5', delivery: 'automatic' });
      expect(none).toMatchObject({ title: 'No coupon', html: '<p>Bye</p>', coupon: null });
      expect(data.exitScreens).toHaveLength(5);
    });

    it('shows quiz questions, score ranges and the score sample', async () => {
      const { body } = await preview(quizId).expect(200);
      expect(body.data.campaign.questions[0]).toEqual({
        key: 'q1',
        label: 'Question q1',
        answers: [
          { label: 'Right', value: 'right' },
          { label: 'Wrong', value: 'wrong' },
        ],
      });
      expect(body.data.exitScreens[0]).toMatchObject({
        title: 'Perfect score',
        match: 'score',
        minScore: 2,
        maxScore: 2,
        coupon: { couponCode: 'QUIZ20', validityDays: 14, delivery: 'automatic' },
        html: '<p>You scored 2, Alex</p>',
      });
      expect(body.data.exitScreens[1]).toMatchObject({ match: 'default', coupon: null });
    });

    it('reads the draft by default and the published version on request', async () => {
      const draft = await preview(publishedId).expect(200);
      expect(draft.body.data.campaign.title).toBe('Edited title');
      const live = await preview(publishedId, { status: 'published' }).expect(200);
      expect(live.body.data.campaign.title).toBe('Live title');
      expect(live.body.data.status).toBe('published');
    });

    it('says why a campaign cannot carry a coupon', async () => {
      const anonymous = (await documents().create({
        data: { title: 'Anon', slug: 'anon', mode: 'anonymous', format: 'form', fields: [] },
      } as never)) as unknown as { documentId: string };
      const { body } = await preview(anonymous.documentId).expect(200);
      expect(body.data.eligibility).toEqual({ eligible: false, reasons: ['mode', 'contact'] });
      expect(body.data.exitScreens).toEqual([]);
    });

    it('answers 404 for an unknown campaign or a version that does not exist, 400 for a bad status', async () => {
      await preview('nosuchcampaign0000000000').expect(404);
      await preview(draftId, { status: 'published' }).expect(404);
      const bad = await preview(draftId, { status: 'live' }).expect(400);
      expect(bad.body.error.details.errors[0].path).toEqual(['status']);
    });
  });

  describe('POST /clearon/campaigns/:documentId/test-coupon', () => {
    it('sends a coupon by email with the exit screen settings, writing no rows and logging no email', async () => {
      const logged: string[] = [];
      const spies = (['info', 'warn', 'error', 'debug'] as const).map((level) =>
        jest.spyOn(app.strapi.log, level).mockImplementation(((message: unknown) => {
          logged.push(String(message));
        }) as never)
      );
      try {
        const { body } = await sendTest(draftId, {
          exitScreenIndex: 0,
          email: ' Editor@Example.com ',
        }).expect(200);
        const sent = lastReceived();
        expect(sent.body).toEqual({
          couponCode: 'DEMO10',
          validityDays: 30,
          delivery: 'email',
          recipient: { email: 'editor@example.com' },
          reference: expect.stringMatching(/^cl_test_[A-Za-z0-9_-]{16}$/),
          campaign: { id: draftId, name: 'Form tools (test)' },
          dryRun: false,
        });
        expect(sent.headers['idempotency-key']).toBe(
          (sent.body as { reference: string }).reference
        );
        const issued = simulator.coupons.get((sent.body as { reference: string }).reference);
        expect(body.data).toEqual({
          status: 'issued',
          message: expect.stringContaining('ClearOn issued a test coupon (offer "DEMO10"'),
          reference: (sent.body as { reference: string }).reference,
          coupon: {
            code: issued?.code,
            redeemUrl: issued?.redeemUrl,
            expiresAt: issued?.expiresAt,
          },
        });
        expect(body.data.message).toMatch(/by email/);
      } finally {
        spies.forEach((spy) => spy.mockRestore());
      }
      expect(logged.join('\n')).not.toMatch(/editor@example\.com/i);
      expect(await count('clearon_participations')).toBe(0);
      expect(await count('clearon_coupons')).toBe(0);
    });

    it('sends a coupon by SMS to a national number, as E.164, with a fresh reference each time', async () => {
      const first = await sendTest(draftId, { exitScreenIndex: 1, phone: '070-123 45 67' }).expect(
        200
      );
      const firstBody = lastReceived().body as Record<string, unknown>;
      expect(firstBody).toMatchObject({
        couponCode: 'AUTO5',
        validityDays: 7,
        delivery: 'sms',
        recipient: { phone: '+46701234567' },
        dryRun: false,
      });
      expect(first.body.data.status).toBe('issued');
      expect(first.body.data.message).toMatch(/by SMS/);
      await sendTest(draftId, { exitScreenIndex: 1, phone: '+46701234567' }).expect(200);
      expect((lastReceived().body as { reference: string }).reference).not.toBe(
        firstBody.reference
      );
      expect(await count('clearon_participations')).toBe(0);
      expect(await count('clearon_coupons')).toBe(0);
    });

    it('refuses bad input with a 400 naming the field, without echoing the contact', async () => {
      const cases: Array<[unknown, string]> = [
        [{ exitScreenIndex: 0 }, 'email'],
        [{ exitScreenIndex: 0, email: '', phone: '  ' }, 'email'],
        [{ exitScreenIndex: 0, email: 'a@example.com', phone: '+46701234567' }, 'phone'],
        [{ exitScreenIndex: 0, email: 'not-an-email' }, 'email'],
        [{ exitScreenIndex: 0, email: 42 }, 'email'],
        [{ exitScreenIndex: 0, phone: '12' }, 'phone'],
        [{ exitScreenIndex: 0, phone: '+4670123456789012' }, 'phone'],
        [{ email: 'a@example.com' }, 'exitScreenIndex'],
        [{ exitScreenIndex: '0', email: 'a@example.com' }, 'exitScreenIndex'],
        [{ exitScreenIndex: 1.5, email: 'a@example.com' }, 'exitScreenIndex'],
        [{ exitScreenIndex: -1, email: 'a@example.com' }, 'exitScreenIndex'],
        [{ exitScreenIndex: 9, email: 'a@example.com' }, 'exitScreenIndex'],
        [{ exitScreenIndex: 2, email: 'a@example.com' }, 'exitScreenIndex'],
        [{ exitScreenIndex: 0, email: 'a@example.com', recipient: 'x' }, 'recipient'],
      ];
      const before = simulator.received.length;
      for (const [body, field] of cases) {
        const res = await sendTest(draftId, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect({
          body,
          paths: res.body.error.details.errors.map((e: { path: string[] }) => e.path),
        }).toEqual({ body, paths: [[field]] });
        expect(res.text).not.toMatch(/not-an-email|4670123456789012/);
      }
      const noCoupon = await sendTest(draftId, { exitScreenIndex: 2, email: 'a@example.com' });
      expect(noCoupon.body.error.message).toMatch(/"No coupon", which has no ClearOn coupon/);
      expect(simulator.received.length).toBe(before);
    });

    it('answers 404 for an unknown campaign', async () => {
      await sendTest('nosuchcampaign0000000000', {
        exitScreenIndex: 0,
        email: 'a@example.com',
      }).expect(404);
    });

    it("reports ClearOn's refusal in plain words: unknown coupon code, revoked key of the screen's integration", async () => {
      const unknown = await sendTest(draftId, {
        exitScreenIndex: 3,
        email: 'a@example.com',
      }).expect(200);
      expect(unknown.body.data).toEqual({
        status: 'failed',
        message: expect.stringContaining('ClearOn does not know the coupon code "UNKNOWN42"'),
        reference: expect.stringMatching(/^cl_test_/),
      });
      const agency = await sendTest(draftId, {
        exitScreenIndex: 4,
        email: 'a@example.com',
      }).expect(200);
      expect(agency.body.data.status).toBe('failed');
      expect(agency.body.data.message).toMatch(/rejected the API key/);
      expect(lastReceived().headers.authorization).toBe('revoked-key');
      expect(JSON.stringify(agency.body)).not.toMatch(/revoked-key|a@example\.com/);
    });

    it('reports ClearOn being down as failed, without retrying', async () => {
      simulator.failNext(1, 503);
      const before = simulator.received.length;
      const { body } = await sendTest(draftId, {
        exitScreenIndex: 0,
        email: 'a@example.com',
      }).expect(200);
      expect(body.data.status).toBe('failed');
      expect(body.data.message).toMatch(/503/);
      expect(simulator.received.length).toBe(before + 1);
    });
  });

  describe('permissions (real non-super-admin users)', () => {
    const withPermissions = async (permissions: Array<{ action: string; subject?: string }>) => {
      const admin = await createAdminWithPermissions(app, []);
      const roles = app.strapi.service('admin::role') as unknown as AdminRoles;
      await roles.assignPermissions(
        admin.roleId,
        permissions.map(({ action, subject }) => ({
          action,
          subject: subject ?? null,
          properties: {},
          conditions: [],
        }))
      );
      return admin.token;
    };
    const body = { exitScreenIndex: 0, email: 'a@example.com' };

    it('previews with Content Manager read access to campaigns, and nothing less', async () => {
      const reader = await withPermissions([{ action: READ_CAMPAIGNS, subject: CAMPAIGN }]);
      await preview(draftId, {}, reader).expect(200);
      const nobody = await withPermissions([]);
      await preview(draftId, {}, nobody).expect(403);
      const couponsOnly = await withPermissions([{ action: 'plugin::clearon.coupons.read' }]);
      await preview(draftId, {}, couponsOnly).expect(403);
      await request(app.server).get(`/clearon/campaigns/${draftId}/preview`).expect(401);
    });

    it('sends test coupons only with coupons.test and read access to campaigns', async () => {
      const before = simulator.received.length;
      const reader = await withPermissions([{ action: READ_CAMPAIGNS, subject: CAMPAIGN }]);
      await sendTest(draftId, body, reader).expect(403);
      const testerOnly = await withPermissions([{ action: TEST_COUPONS }]);
      await sendTest(draftId, body, testerOnly).expect(403);
      expect(simulator.received.length).toBe(before);
      const tester = await withPermissions([
        { action: READ_CAMPAIGNS, subject: CAMPAIGN },
        { action: TEST_COUPONS },
      ]);
      const { body: answer } = await sendTest(draftId, body, tester).expect(200);
      expect(answer.data.status).toBe('issued');
    });
  });
});
