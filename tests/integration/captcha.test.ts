/**
 * CAPTCHA per campaign (Cloudflare Turnstile, hCaptcha): the secret is write-only and encrypted at
 * rest; the public POST asks the provider's siteverify (here the simulator's stand-in, over real
 * HTTP) before anything is written: 400 CaptchaError when refused, 503 when the provider is down.
 */
import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createAdminWithPermissions, createSuperAdmin } from '../harness/admin';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

const SECRET = 'captcha-secret';

describe('CAPTCHA checks on the public POST', () => {
  let app: TestApp;
  let simulator: Simulator;
  let admin: string;

  const participations = async () =>
    Number((await app.strapi.db.connection('clearon_participations').count({ n: '*' }))[0].n);
  const post = (slug: string, email: string, captchaToken?: unknown) =>
    request(app.server)
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .send({
        answers: { firstname: 'Ada', email, deliveryType: 'email' },
        ...(captchaToken !== undefined ? { captchaToken } : {}),
      });

  beforeAll(async () => {
    simulator = await startSimulator({ captchaSecrets: [SECRET] });
    app = await bootStrapi({
      pluginConfig: {
        worker: { enabled: false },
        buttonWaitMs: 0,
        rateLimit: { enabled: false },
        captcha: {
          timeoutMs: 500,
          verifyUrls: {
            turnstile: simulator.siteverifyUrl('turnstile'),
            hcaptcha: simulator.siteverifyUrl('hcaptcha'),
          },
        },
      },
    });
    admin = (await createSuperAdmin(app)).token;
    await publishCampaign(app.strapi, { ...formCampaign('turnstiled'), captcha: 'turnstile' });
    await publishCampaign(app.strapi, { ...formCampaign('hcaptched'), captcha: 'hcaptcha' });
  });

  afterEach(() => simulator.reset());

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  });

  it('answers 503 while the campaign provider has no secret, and writes nothing', async () => {
    const before = await participations();
    const res = await post('hcaptched', 'noconf@example.se', 'token-ok').expect(503);
    expect(res.body.error.message).toMatch(/hcaptcha check is not configured/);
    expect(simulator.verifications).toHaveLength(0);
    expect(await participations()).toBe(before);
  });

  it('keeps the secret write-only: the admin reads only whether one is set; it is encrypted at rest', async () => {
    const saved = await request(app.server)
      .put('/clearon/captcha/turnstile')
      .set(authHeader(admin))
      .send({ siteKey: '1x00000000000000000000AA', secret: SECRET })
      .expect(200);
    expect(saved.body.data).toEqual({
      provider: 'turnstile',
      siteKey: '1x00000000000000000000AA',
      hasSecret: true,
    });
    // A site key change keeps the secret.
    await request(app.server)
      .put('/clearon/captcha/hcaptcha')
      .set(authHeader(admin))
      .send({ siteKey: '10000000-ffff-ffff-ffff-000000000001', secret: SECRET })
      .expect(200);
    await request(app.server)
      .put('/clearon/captcha/hcaptcha')
      .set(authHeader(admin))
      .send({ siteKey: '10000000-ffff-ffff-ffff-000000000002' })
      .expect(200);

    const list = await request(app.server)
      .get('/clearon/captcha')
      .set(authHeader(admin))
      .expect(200);
    expect(list.text).not.toContain(SECRET);
    expect(list.body.data).toEqual([
      { provider: 'turnstile', siteKey: '1x00000000000000000000AA', hasSecret: true },
      { provider: 'hcaptcha', siteKey: '10000000-ffff-ffff-ffff-000000000002', hasSecret: true },
    ]);
    const stored = await app.strapi.db
      .connection('strapi_core_store_settings')
      .where('key', 'plugin_clearon_captcha')
      .first();
    expect(stored.value).not.toContain(SECRET);
  });

  it('answers 400 naming the field for a bad setting, 404 for another provider, 403 without settings.update', async () => {
    const bad = await request(app.server)
      .put('/clearon/captcha/turnstile')
      .set(authHeader(admin))
      .send({ siteKey: 'has spaces', secret: 42, extra: true })
      .expect(400);
    expect(bad.body.error.details.errors.map((e: { path: string[] }) => e.path)).toEqual([
      ['extra'],
      ['siteKey'],
      ['secret'],
    ]);
    await request(app.server)
      .put('/clearon/captcha/recaptcha')
      .set(authHeader(admin))
      .send({ siteKey: 'x' })
      .expect(404);
    const reader = await createAdminWithPermissions(app, ['plugin::clearon.settings.read']);
    await request(app.server).get('/clearon/captcha').set(authHeader(reader.token)).expect(200);
    await request(app.server)
      .put('/clearon/captcha/turnstile')
      .set(authHeader(reader.token))
      .send({ siteKey: 'x' })
      .expect(403);
  });

  it('tells the participant page which widget to render', async () => {
    const res = await request(app.server).get('/api/clearon/campaigns/turnstiled').expect(200);
    expect(res.body.data.captcha).toEqual({
      provider: 'turnstile',
      siteKey: '1x00000000000000000000AA',
      script: 'https://challenges.cloudflare.com/turnstile/v0/api.js',
    });
    const none = await publishCampaign(app.strapi, formCampaign('no-captcha'));
    expect(none.documentId).toBeTruthy();
    const plain = await request(app.server).get('/api/clearon/campaigns/no-captcha').expect(200);
    expect(plain.body.data.captcha).toBeNull();
  });

  it('writes the participation once the provider says the token passes, and sends it the secret and token', async () => {
    const before = await participations();
    await post('turnstiled', 'pass@example.se', 'token-ok').expect(201);
    expect(await participations()).toBe(before + 1);
    expect(simulator.verifications).toEqual([
      expect.objectContaining({ provider: 'turnstile', secret: SECRET, response: 'token-ok' }),
    ]);
    await post('hcaptched', 'pass2@example.se', 'token-ok').expect(201);
    expect(simulator.verifications[1]).toMatchObject({ provider: 'hcaptcha', secret: SECRET });
  });

  it('answers 400 CaptchaError without a token or with a refused one, and writes nothing', async () => {
    const before = await participations();
    const missing = await post('turnstiled', 'bot1@example.se').expect(400);
    expect(missing.body.error).toMatchObject({
      name: 'CaptchaError',
      details: { errors: [expect.objectContaining({ path: ['captchaToken'] })] },
    });
    expect(simulator.verifications).toHaveLength(0); // nothing to ask about

    simulator.setCaptcha('fail');
    const refused = await post('turnstiled', 'bot2@example.se', 'token-bad').expect(400);
    expect(refused.body.error).toMatchObject({
      name: 'CaptchaError',
      details: { errorCodes: ['invalid-input-response'] },
    });
    expect(await participations()).toBe(before);
  });

  it('answers 503 with Retry-After when the provider times out or fails, and writes nothing', async () => {
    const before = await participations();
    for (const mode of ['timeout', 'error'] as const) {
      simulator.setCaptcha(mode);
      const res = await post('turnstiled', `down-${mode}@example.se`, 'token-ok').expect(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.error.name).toBe('ServiceUnavailableError');
    }
    expect(await participations()).toBe(before);
  });
});
