import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { formCampaign, publishCampaign, quizCampaign } from '../fixtures/campaigns';

const valid = { firstname: 'Ada', email: 'ada@example.se', deliveryType: 'email' };

type Case = {
  name: string;
  slug?: string;
  body?: unknown;
  raw?: { type: string; text: string };
  status: number;
  field?: string[];
};

const cases: Case[] = [
  { name: 'answers missing', body: {}, status: 400, field: ['answers'] },
  { name: 'answers is a string', body: { answers: 'hello' }, status: 400, field: ['answers'] },
  { name: 'answers is an array', body: { answers: [1, 2] }, status: 400, field: ['answers'] },
  { name: 'answers is null', body: { answers: null }, status: 400, field: ['answers'] },
  { name: 'body is an array', body: [valid], status: 400, field: ['body'] },
  {
    name: 'extra top-level key',
    body: { answers: valid, admin: true },
    status: 400,
    field: ['admin'],
  },
  {
    name: 'unknown answer key',
    body: { answers: { ...valid, isAdmin: true } },
    status: 400,
    field: ['answers', 'isAdmin'],
  },
  {
    name: 'required firstname missing',
    body: { answers: { email: 'a@b.se', deliveryType: 'email' } },
    status: 400,
    field: ['answers', 'firstname'],
  },
  {
    name: 'firstname blank',
    body: { answers: { ...valid, firstname: '   ' } },
    status: 400,
    field: ['answers', 'firstname'],
  },
  {
    name: 'firstname is a number',
    body: { answers: { ...valid, firstname: 42 } },
    status: 400,
    field: ['answers', 'firstname'],
  },
  {
    name: 'firstname is an object',
    body: { answers: { ...valid, firstname: { $ne: 1 } } },
    status: 400,
    field: ['answers', 'firstname'],
  },
  {
    name: 'firstname oversized',
    body: { answers: { ...valid, firstname: 'x'.repeat(501) } },
    status: 400,
    field: ['answers', 'firstname'],
  },
  {
    name: 'email without @',
    body: { answers: { ...valid, email: 'ada.example.se' } },
    status: 400,
    field: ['answers', 'email'],
  },
  {
    name: 'email with spaces',
    body: { answers: { ...valid, email: 'ada @example.se' } },
    status: 400,
    field: ['answers', 'email'],
  },
  {
    name: 'email oversized',
    body: { answers: { ...valid, email: `${'a'.repeat(250)}@example.se` } },
    status: 400,
    field: ['answers', 'email'],
  },
  {
    name: 'email is an array',
    body: { answers: { ...valid, email: ['a@b.se'] } },
    status: 400,
    field: ['answers', 'email'],
  },
  {
    name: 'choice not an option',
    body: { answers: { ...valid, deliveryType: 'pigeon' } },
    status: 400,
    field: ['answers', 'deliveryType'],
  },
  {
    name: 'choice is a boolean',
    body: { answers: { ...valid, deliveryType: true } },
    status: 400,
    field: ['answers', 'deliveryType'],
  },
  {
    name: 'sms without phone',
    body: { answers: { firstname: 'A', deliveryType: 'sms' } },
    status: 400,
    field: ['answers', 'phone'],
  },
  {
    name: 'phone letters',
    body: { answers: { firstname: 'A', deliveryType: 'sms', phone: 'call me' } },
    status: 400,
    field: ['answers', 'phone'],
  },
  {
    name: 'phone too short',
    body: { answers: { firstname: 'A', deliveryType: 'sms', phone: '+4612' } },
    status: 400,
    field: ['answers', 'phone'],
  },
  {
    name: 'phone oversized',
    body: { answers: { firstname: 'A', deliveryType: 'sms', phone: '1'.repeat(40) } },
    status: 400,
    field: ['answers', 'phone'],
  },
  {
    name: 'email choice without email',
    body: { answers: { firstname: 'A', deliveryType: 'email' } },
    status: 400,
    field: ['answers', 'email'],
  },
  {
    name: 'quiz answer not an option',
    slug: 'bad-quiz',
    body: { answers: { email: 'a@b.se', q1: 'maybe', q2: 'right' } },
    status: 400,
    field: ['answers', 'q1'],
  },
  {
    name: 'quiz answer missing',
    slug: 'bad-quiz',
    body: { answers: { email: 'a@b.se', q1: 'right' } },
    status: 400,
    field: ['answers', 'q2'],
  },
  { name: 'unknown slug', slug: 'no-such-campaign', body: { answers: valid }, status: 404 },
  { name: 'unpublished campaign', slug: 'bad-draft', body: { answers: valid }, status: 404 },
  { name: 'ended campaign', slug: 'bad-ended', body: { answers: valid }, status: 404 },
  {
    name: 'non-JSON body',
    raw: { type: 'text/plain', text: 'answers=1' },
    status: 400,
    field: ['body'],
  },
  {
    name: 'form-encoded body',
    raw: { type: 'application/x-www-form-urlencoded', text: 'answers[firstname]=A' },
    status: 400,
    field: ['body'],
  },
  { name: 'malformed JSON', raw: { type: 'application/json', text: '{"answers": {' }, status: 400 },
  {
    name: 'body over 64 KiB',
    body: { answers: { ...valid, firstname: 'x'.repeat(70 * 1024) } },
    status: 413,
  },
];

describe('bad participations are refused and write nothing', () => {
  let app: TestApp;
  const count = async () =>
    Number((await app.strapi.db.connection('clearon_participations').count({ n: '*' }))[0].n);

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { rateLimit: { enabled: false }, worker: { enabled: false }, buttonWaitMs: 0 },
    });
    await publishCampaign(app.strapi, formCampaign('bad-form'));
    await publishCampaign(app.strapi, quizCampaign('bad-quiz'));
    await app.strapi
      .documents('plugin::clearon.campaign')
      .create({ data: formCampaign('bad-draft') } as never);
    await publishCampaign(app.strapi, {
      ...formCampaign('bad-ended'),
      endsAt: new Date(Date.now() - 1000).toISOString(),
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name → $status', async ({ slug = 'bad-form', body, raw, status, field }) => {
    const before = await count();
    const req = request(app.server).post(`/api/clearon/campaigns/${slug}/participations`);
    const res = raw
      ? await req.set('Content-Type', raw.type).send(raw.text)
      : await req.send(body as object);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toEqual(expect.any(String));
    if (field) {
      expect(res.body.error.details.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: field, message: expect.any(String) }),
        ])
      );
    }
    expect(await count()).toBe(before);
  });

  it('a valid participation is accepted by the same campaign (the cases fail for their own reason)', async () => {
    const before = await count();
    await request(app.server)
      .post('/api/clearon/campaigns/bad-form/participations')
      .send({ answers: valid })
      .expect(201);
    expect(await count()).toBe(before + 1);
  });
});
