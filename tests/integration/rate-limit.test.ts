import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

describe('the public POST is rate limited per IP', () => {
  let app: TestApp;
  const answers = { firstname: 'Ada', email: 'ada@example.se', deliveryType: 'email' };
  const post = (ip: string) =>
    request(app.server)
      .post('/api/clearon/campaigns/limited/participations')
      .set('X-Forwarded-For', ip)
      .send({ answers });

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: {
        rateLimit: { enabled: true, max: 3, windowMs: 60_000 },
        worker: { enabled: false },
        buttonWaitMs: 0,
      },
      env: { CLEARON_PLAYGROUND_PROXY: 'true' },
    });
    await publishCampaign(app.strapi, formCampaign('limited'));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers 429 with Retry-After after `max` requests, and writes nothing', async () => {
    for (let i = 0; i < 3; i++) expect((await post('203.0.113.7')).status).toBe(201);
    const count = async () =>
      Number((await app.strapi.db.connection('clearon_participations').count({ n: '*' }))[0].n);
    const before = await count();
    const res = await post('203.0.113.7');
    expect(res.status).toBe(429);
    expect(res.body.error.name).toBe('RateLimitError');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await count()).toBe(before);
  });

  it('counts each client address on its own', async () => {
    expect((await post('198.51.100.9')).status).toBe(201);
  });

  it('does not limit reading a campaign', async () => {
    for (let i = 0; i < 5; i++)
      await request(app.server).get('/api/clearon/campaigns/limited').expect(200);
  });
});
