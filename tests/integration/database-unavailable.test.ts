import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { withPoolExhausted } from '../harness/pool';
import { authHeader, createSuperAdmin } from '../harness/admin';

// Every connection of Strapi's pool is taken, so the next query waits for one and gives up: what a
// front end sees while the database is saturated or unreachable.
describe('the public and admin routes while the database cannot serve them', () => {
  let app: TestApp;
  let adminToken: string;
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
    adminToken = (await createSuperAdmin(app)).token;
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

  it("answers 503 with Retry-After on the plugin's admin routes too, and only on those", async () => {
    const admin = (method: 'get' | 'post' | 'put', path: string) =>
      request(app.server)[method](path).set(authHeader(adminToken));
    const warnings: string[] = [];
    const warn = jest.spyOn(app.strapi.log, 'warn').mockImplementation(((message: string) => {
      warnings.push(message);
    }) as never);
    let strapiOwn: request.Response | undefined;
    try {
      await withPoolExhausted(app.strapi, async () => {
        // Admin authentication reads the user from the database: the 503 covers it too.
        for (const res of [
          await admin('get', '/clearon/integrations'),
          await admin('get', '/clearon/integration-options'),
          await admin('get', '/clearon/coupons'),
          await admin('post', '/clearon/coupons/retry').send({}),
          await admin('get', '/clearon/mapping-variables'),
          await admin('put', '/clearon/captcha/turnstile').send({ siteKey: 'x' }),
        ]) {
          expect(res.status).toBe(503);
          expect(res.headers['retry-after']).toBe('5');
          expect(res.body.error).toMatchObject({
            status: 503,
            name: 'ServiceUnavailableError',
            message: 'The database cannot be reached right now: try again in a few seconds',
            details: { retryAfterSeconds: 5 },
          });
        }
        // Strapi's own admin routes are Strapi's business.
        strapiOwn = await admin('get', '/admin/users/me');
      });
    } finally {
      warn.mockRestore();
    }
    expect(strapiOwn?.status).not.toBe(503);
    expect(warnings).toContain(
      '[clearon] database unavailable (KnexTimeoutError) on GET /integrations'
    );
  });

  it('serves again as soon as connections are free', async () => {
    await post().expect(201);
    await request(app.server).get('/api/clearon/health').expect(200);
    await request(app.server).get('/clearon/integrations').set(authHeader(adminToken)).expect(200);
  });
});
