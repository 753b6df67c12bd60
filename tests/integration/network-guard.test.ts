import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { createClearonClient } from '../../server/src/clearon';
import { getService } from '../../server/src/utils/get-service';
import { getPluginConfig } from '../../server/src/utils/get-plugin-config';
import {
  createNetworkGuard,
  systemResolve,
  type Resolve,
} from '../../server/src/utils/network-guard';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { createIntegration } from '../fixtures/integrations';
import { authHeader, createSuperAdmin } from '../harness/admin';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { waitFor } from '../harness/wait';

const CAPTCHA_SECRET = 'captcha-secret';

/**
 * The SSRF rules at connect time, in a real Strapi: the issuer, the integration tester and the
 * CAPTCHA verifier refuse an endpoint that is, or resolves to, a loopback address while
 * allowPrivateHosts is off (here switched at run time: the guard reads it on every call), and
 * reach the same endpoint while it is on.
 */
describe('SSRF rules at connect time', () => {
  let app: TestApp;
  let simulator: Simulator;
  let token: string;
  let localhostIntegration: string;
  /** The DNS resolver of the plugin's ClearOn clients while set (null: the system's). */
  let resolverStandIn: Resolve | null = null;

  const setAllowPrivateHosts = (value: boolean) =>
    app.strapi.config.set('plugin::clearon.allowPrivateHosts', value);
  const port = () => new URL(simulator.url).port;
  const participate = (slug: string, email: string, extra: Record<string, unknown> = {}) =>
    request(app.server)
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .send({ answers: { firstname: 'Ada', email, deliveryType: 'email' }, ...extra });
  /** The coupon of the latest participation, once the worker has settled it. */
  const settledCoupon = () =>
    waitFor(async () => {
      const row = (await app.strapi.db
        .connection('clearon_coupons')
        .select('id', 'status', 'last_error', 'last_error_code')
        .orderBy('id', 'desc')
        .first()) as
        | { id: number; status: string; last_error: string | null; last_error_code: string | null }
        | undefined;
      return row && row.status !== 'pending' ? row : null;
    });
  const issuedBySimulator = () => simulator.received.filter((r) => r.status === 201).length;

  beforeAll(async () => {
    simulator = await startSimulator({ captchaSecrets: [CAPTCHA_SECRET] });
    app = await bootStrapi({
      pluginConfig: {
        allowPrivateHosts: true,
        worker: { pollIntervalMs: 50 },
        buttonWaitMs: 0,
        rateLimit: { enabled: false },
        captcha: {
          timeoutMs: 2_000,
          verifyUrls: {
            turnstile: simulator.siteverifyUrl('turnstile'),
            hcaptcha: simulator.siteverifyUrl('hcaptcha'),
          },
        },
      },
      // The plugin's own guard (allowPrivateHosts read on every call), with a resolver to swap.
      clientFactory: ({ strapi }) =>
        createClearonClient({
          network: createNetworkGuard({
            allowPrivateHosts: () => getPluginConfig(strapi).allowPrivateHosts === true,
            resolve: (hostname) => (resolverStandIn ?? systemResolve)(hostname),
          }),
        }),
    });
    token = (await createSuperAdmin(app)).token;
    // `localhost` is a name: the save-time check of the literal host lets it through only while
    // allowPrivateHosts is on; the name resolves to 127.0.0.1 when ClearOn is called.
    localhostIntegration = (
      await createIntegration(app, {
        name: 'Simulator by name',
        endpoint: `http://localhost:${port()}/v1/coupons`,
        apiKey: 'test-key',
      })
    ).id;
    await publishCampaign(app.strapi, formCampaign('by-localhost'));
  }, 180_000);

  afterEach(() => setAllowPrivateHosts(true));

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  }, 60_000);

  it('the issuer refuses localhost (127.0.0.1) while allowPrivateHosts is off: failed, naming the address', async () => {
    setAllowPrivateHosts(false);
    const before = simulator.received.length;
    await participate('by-localhost', 'off@example.se').expect(201);
    const coupon = await settledCoupon();
    expect(coupon).toMatchObject({ status: 'failed', last_error_code: 'blocked_address' });
    expect(coupon.last_error).toMatch(
      /^The ClearOn endpoint's address is refused: localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/
    );
    expect(coupon.last_error).toMatch(/allowPrivateHosts/);
    // Nothing reached ClearOn.
    expect(simulator.received.length).toBe(before);

    // Switched on, a retry of the same coupon goes through.
    setAllowPrivateHosts(true);
    await request(app.server)
      .post(`/clearon/coupons/${coupon.id}/retry`)
      .set(authHeader(token))
      .expect(200);
    const retried = await settledCoupon();
    expect(retried).toMatchObject({ id: coupon.id, status: 'issued' });
  });

  it('the issuer reaches localhost while allowPrivateHosts is on', async () => {
    const before = issuedBySimulator();
    await participate('by-localhost', 'on@example.se').expect(201);
    expect(await settledCoupon()).toMatchObject({ status: 'issued', last_error_code: null });
    expect(issuedBySimulator()).toBe(before + 1);
  });

  describe('a name that is not obviously local (clearon.example.test resolves to 127.0.0.1)', () => {
    const resolverCalls: string[] = [];
    const resolve: Resolve = async (hostname) => {
      resolverCalls.push(hostname);
      if (hostname === 'clearon.example.test') return [{ address: '127.0.0.1', family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };

    beforeAll(() => {
      resolverStandIn = resolve;
    });

    afterAll(() => {
      resolverStandIn = null;
    });

    it('passes the save-time check (https, a name), then is refused when ClearOn is called', async () => {
      setAllowPrivateHosts(false);
      const created = await request(app.server)
        .post('/clearon/integrations')
        .set(authHeader(token))
        .send({
          name: 'Looks public',
          endpoint: `https://clearon.example.test:${port()}/v1/coupons`,
          apiKey: 'test-key',
        })
        .expect(201);
      const integration = created.body.data.id as string;
      await publishCampaign(app.strapi, {
        ...formCampaign('by-name', {
          couponCode: 'DEMO10',
          validityDays: 30,
          delivery: 'button',
          integration,
        }),
      });
      const before = simulator.received.length;
      await participate('by-name', 'name-off@example.se').expect(201);
      const coupon = await settledCoupon();
      expect(coupon).toMatchObject({ status: 'failed', last_error_code: 'blocked_address' });
      expect(coupon.last_error).toBe(
        "The ClearOn endpoint's address is refused: clearon.example.test resolves to 127.0.0.1, " +
          'which is a loopback address (127.0.0.0/8): refused unless the plugin option ' +
          'allowPrivateHosts is on'
      );
      expect(simulator.received.length).toBe(before);
      expect(resolverCalls).toContain('clearon.example.test');

      // "Test connection" says the same, and nothing is sent either.
      const tested = await request(app.server)
        .post(`/clearon/integrations/${integration}/test`)
        .set(authHeader(token))
        .send({ couponCode: 'DEMO10' })
        .expect(200);
      expect(tested.body.data).toMatchObject({ status: 'error' });
      expect(tested.body.data.message).toMatch(
        /^The request was not sent\. The ClearOn endpoint's address is refused: clearon\.example\.test resolves to 127\.0\.0\.1/
      );
      expect(simulator.received.length).toBe(before);
    });

    it('connects to the address the resolver gave while allowPrivateHosts is on', async () => {
      const created = await request(app.server)
        .post('/clearon/integrations')
        .set(authHeader(token))
        .send({
          name: 'By name, allowed',
          endpoint: `http://clearon.example.test:${port()}/v1/coupons`,
          apiKey: 'test-key',
        })
        .expect(201);
      const integration = created.body.data.id as string;
      await publishCampaign(app.strapi, {
        ...formCampaign('by-name-allowed', {
          couponCode: 'DEMO10',
          validityDays: 30,
          delivery: 'button',
          integration,
        }),
      });
      const before = issuedBySimulator();
      await participate('by-name-allowed', 'name-on@example.se').expect(201);
      expect(await settledCoupon()).toMatchObject({ status: 'issued' });
      expect(issuedBySimulator()).toBe(before + 1);

      const tested = await request(app.server)
        .post(`/clearon/integrations/${integration}/test`)
        .set(authHeader(token))
        .send({ couponCode: 'DEMO10' })
        .expect(200);
      expect(tested.body.data.status).toBe('ok');
    });
  });

  it('the integration tester refuses localhost with allowPrivateHosts off (literal check first)', async () => {
    setAllowPrivateHosts(false);
    const tested = await request(app.server)
      .post(`/clearon/integrations/${localhostIntegration}/test`)
      .set(authHeader(token))
      .send({ couponCode: 'DEMO10' })
      .expect(200);
    expect(tested.body.data.status).toBe('error');
    setAllowPrivateHosts(true);
    const ok = await request(app.server)
      .post(`/clearon/integrations/${localhostIntegration}/test`)
      .set(authHeader(token))
      .send({ couponCode: 'DEMO10' })
      .expect(200);
    expect(ok.body.data.status).toBe('ok');
  });

  it('the CAPTCHA verifier refuses a siteverify URL on 127.0.0.1 while allowPrivateHosts is off', async () => {
    await getService(app.strapi, 'captcha').save('turnstile', {
      siteKey: '1x00000000000000000000AA',
      secret: CAPTCHA_SECRET,
    });
    await publishCampaign(app.strapi, { ...formCampaign('captcha-guarded'), captcha: 'turnstile' });

    setAllowPrivateHosts(false);
    const warnings: string[] = [];
    const warn = jest.spyOn(app.strapi.log, 'warn').mockImplementation(((message: string) => {
      warnings.push(message);
    }) as never);
    try {
      const refused = await participate('captcha-guarded', 'captcha-off@example.se', {
        captchaToken: 'token-ok',
      }).expect(503);
      expect(refused.body.error.message).toMatch(/turnstile check cannot be reached/);
    } finally {
      warn.mockRestore();
    }
    expect(simulator.verifications).toHaveLength(0);
    expect(warnings.join('\n')).toMatch(
      /\[clearon\] turnstile siteverify refused by the SSRF rules: 127\.0\.0\.1 is a loopback address/
    );

    setAllowPrivateHosts(true);
    await participate('captcha-guarded', 'captcha-on@example.se', {
      captchaToken: 'token-ok',
    }).expect(201);
    expect(simulator.verifications).toHaveLength(1);
  });
});
