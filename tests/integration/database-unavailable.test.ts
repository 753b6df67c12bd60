import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { withPoolExhausted } from '../harness/pool';

// Every connection of Strapi's pool is taken, so the next query waits for one and gives up: what a
// front end sees while the database is saturated or unreachable.
describe('the public API while the database cannot serve it', () => {
  let app: TestApp;
  const answers = { firstname: 'Ada', email: 'ada@example.se', deliveryType: 'email' };
  const post = () =>
    request(app.server).post('/api/clearon/campaigns/unavailable/participations').send({ answers });
  const countParticipations = async () =>
    Number((await app.strapi.db.connection('clearon_participations').count({ n: '*' }))[0].n);

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { worker: { enabled: false }, buttonWaitMs: 0, rateLimit: { enabled: false } },
      env: { DATABASE_CONNECTION_TIMEOUT: '1000', DATABASE_POOL_MAX: '3' },
    });
    await publishCampaign(app.strapi, formCampaign('unavailable'));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers 503 with Retry-After (not 500) on each public route, and saves nothing', async () => {
    const before = await countParticipations();
    const warnings: string[] = [];
    const warn = jest.spyOn(app.strapi.log, 'warn').mockImplementation(((message: string) => {
      warnings.push(message);
    }) as never);
    try {
      await withPoolExhausted(app.strapi, async () => {
        for (const res of [
          await post(),
          await request(app.server).get('/api/clearon/health'),
          await request(app.server).get('/api/clearon/participations/abc?token=secret-token'),
        ]) {
          expect(res.status).toBe(503);
          expect(res.headers['retry-after']).toBe('5');
          expect(res.body.error).toMatchObject({
            status: 503,
            name: 'ServiceUnavailableError',
            details: { retryAfterSeconds: 5 },
          });
          expect(res.body.error.message).toMatch(/try again in a few seconds/);
        }
      });
    } finally {
      warn.mockRestore();
    }
    expect(warnings).toContain(
      '[clearon] database unavailable (KnexTimeoutError) on POST /campaigns/:slug/participations'
    );
    expect(warnings.join('\n')).not.toContain('secret-token');
    expect(await countParticipations()).toBe(before);
  });

  it('serves again as soon as connections are free', async () => {
    await post().expect(201);
    await request(app.server).get('/api/clearon/health').expect(200);
  });
});
