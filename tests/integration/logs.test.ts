import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { captureLogs, type LogCapture } from '../harness/log-capture';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createSuperAdmin } from '../harness/admin';
import { createIntegration } from '../fixtures/integrations';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { waitFor } from '../harness/wait';

const GOOD_KEY = 'sk_live_Gr8Secret-7f3a91c2';
const REVOKED_KEY = 'sk_live_Revoked-0b44e1d9';
const RETRY_FOR_MS = 4000;

/**
 * A whole run with failures of every kind (ClearOn 429s, 5xx, outage, unknown coupon, revoked key,
 * retries until dead, the public rate limit, bad input, a database write failing after ClearOn
 * answered, admin routes, erasure), with Strapi logging at its most verbose: not one email, phone
 * number, API key or redeem URL may reach the logs.
 */
describe('logs carry no personal data and no secrets', () => {
  let app: TestApp;
  let simulator: Simulator;
  let adminToken: string;
  let logs: LogCapture;
  const emails = new Set<string>();
  const phones = new Set<string>();
  const tokens = new Set<string>();
  let linkedRead = '';

  let seq = 0;
  const submit = (
    slug: string,
    answers: Record<string, unknown>,
    ip = `10.0.${seq >> 8}.${seq & 255}`
  ) => {
    for (const [key, value] of Object.entries(answers)) {
      if (key === 'email' && typeof value === 'string') emails.add(value);
      if (key === 'phone' && typeof value === 'string') phones.add(value);
    }
    return request(app.server)
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .set('X-Forwarded-For', ip)
      .send({ answers });
  };
  const person = (deliveryType: 'email' | 'sms' = 'email') => {
    const n = seq++;
    const d = String(2_000_000 + n);
    return deliveryType === 'email'
      ? { firstname: `Ann${n}`, email: `ann.${n}.svensson@example.se`, deliveryType }
      : {
          firstname: `Sam${n}`,
          deliveryType,
          phone: `070-${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
        };
  };
  const statuses = async () =>
    (await app.strapi.db.connection('clearon_coupons').select('status')).map(
      (r: { status: string }) => r.status
    );
  const settled = () => waitFor(async () => !(await statuses()).includes('pending'), 60_000, 100);

  beforeAll(async () => {
    simulator = await startSimulator({ apiKeys: [GOOD_KEY] });
    app = await bootStrapi({
      pluginConfig: {
        buttonWaitMs: 1500,
        rateLimit: { enabled: true, post: { points: 30, durationSec: 60 } },
        worker: {
          pollIntervalMs: 50,
          backoffBaseMs: 20,
          backoffMaxMs: 200,
          retryForMs: RETRY_FOR_MS,
          circuit: { failureThreshold: 5, probeIntervalMs: 300 },
          leaseMs: 3000,
        },
      },
      env: { TEST_LOG_LEVEL: 'silly', CLEARON_PLAYGROUND_PROXY: 'true' },
    });

    logs = captureLogs(app.strapi);

    adminToken = (await createSuperAdmin(app)).token;
    await createIntegration(app, { name: 'Good', endpoint: simulator.endpoint, apiKey: GOOD_KEY });
    const revoked = await createIntegration(app, {
      name: 'Revoked',
      endpoint: simulator.endpoint,
      apiKey: REVOKED_KEY,
    });
    await publishCampaign(app.strapi, formCampaign('logs-button'));
    await publishCampaign(
      app.strapi,
      formCampaign('logs-auto', { couponCode: 'AUTO5', validityDays: 5, delivery: 'automatic' })
    );
    await publishCampaign(
      app.strapi,
      formCampaign('logs-unknown', {
        couponCode: 'UNKNOWN9',
        validityDays: 5,
        delivery: 'automatic',
      })
    );
    await publishCampaign(
      app.strapi,
      formCampaign('logs-revoked', {
        couponCode: 'REV1',
        validityDays: 5,
        delivery: 'button',
        integration: revoked.id,
      })
    );
  });

  afterAll(async () => {
    logs?.stop();
    await app?.stop();
    await simulator?.close();
  });

  it('runs a campaign through every kind of failure', async () => {
    // Happy path, Button and Automatic, email and SMS.
    for (let i = 0; i < 4; i++) {
      await submit('logs-button', person(i % 2 ? 'sms' : 'email')).expect(201);
      await submit('logs-auto', person(i % 2 ? 'sms' : 'email')).expect(201);
    }
    // ClearOn 5xx, then 429 with Retry-After, then random 500s, then an outage.
    simulator.failNext(3, 503);
    simulator.failNext(2, 500);
    for (let i = 0; i < 3; i++) await submit('logs-auto', person()).expect(201);
    simulator.setRateLimit({ retryAfterSeconds: 1, every: 2 });
    for (let i = 0; i < 4; i++) await submit('logs-auto', person('sms')).expect(201);
    await settled();
    simulator.setRateLimit(null);
    simulator.setErrorRate(0.3, 500);
    for (let i = 0; i < 4; i++) await submit('logs-auto', person()).expect(201);
    await settled();
    simulator.setErrorRate(0);
    simulator.setOutage(true);
    await submit('logs-auto', person()).expect(201);
    await submit('logs-button', person('sms')).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 150));
    simulator.setOutage(false);
    // Permanent failures: unknown coupon code, revoked API key; retries until dead.
    await submit('logs-unknown', person()).expect(201);
    await submit('logs-revoked', person()).expect(201);
    await settled();
    simulator.setErrorRate(1, 502);
    await submit('logs-auto', person('sms')).expect(201);
    await settled();
    simulator.setErrorRate(0);

    // A database write failing after ClearOn answered: the issuer logs the error, the lease
    // expires and the coupon is issued again (ClearOn answers the same coupon).
    // Patched on the dialect's prototype: knex's transaction clients are made from it.
    const client = Object.getPrototypeOf(app.strapi.db.connection.client) as {
      _query(connection: unknown, query: { sql: string }): Promise<unknown>;
    };
    const realQuery = client._query;
    let failed = 0;
    client._query = function (this: unknown, connection, query) {
      if (
        failed === 0 &&
        /update .clearon_coupons. set/i.test(query.sql) &&
        /redeem_url/.test(query.sql)
      ) {
        failed += 1;
        return Promise.reject(new Error('Connection terminated unexpectedly'));
      }
      return realQuery.call(this, connection, query);
    };
    try {
      await submit('logs-auto', person()).expect(201);
      await waitFor(async () => failed === 1);
    } finally {
      client._query = realQuery;
    }
    await settled();

    // The public rate limit, and bad input.
    for (let i = 0; i < 3; i++) {
      await submit(
        'logs-auto',
        { ...person(), email: 'not an email ann@example.se' },
        '203.0.113.9'
      ).expect(400);
    }
    await submit('logs-auto', { ...person('sms'), phone: '+46 70 12' }).expect(400);
    for (let i = 0; i < 30; i++) await submit('logs-auto', person(), '203.0.113.50').expect(201);
    const limited = await submit('logs-auto', person(), '203.0.113.50');
    expect(limited.status).toBe(429);
    await settled();

    // Admin routes and the participant's own link.
    const button = await submit('logs-button', person()).expect(201);
    await request(app.server)
      .get(`/api/clearon/participations/${button.body.data.id}`)
      .set('X-Participation-Token', button.body.data.token)
      .expect(200);
    // An old link with ?token=: answered, and the token is out of the URL the request log prints.
    tokens.add(button.body.data.token);
    linkedRead = `GET /api/clearon/participations/${button.body.data.id}?lang=sv`;
    await request(app.server)
      .get(
        `/api/clearon/participations/${button.body.data.id}` +
          `?token=${encodeURIComponent(button.body.data.token)}&lang=sv`
      )
      .expect(200);
    await request(app.server).get('/clearon/coupons').set(authHeader(adminToken)).expect(200);
    await request(app.server)
      .get('/clearon/coupons/export')
      .set(authHeader(adminToken))
      .expect(200);
    const dead = await app.strapi.db
      .connection('clearon_coupons')
      .where({ status: 'dead' })
      .first();
    await request(app.server)
      .post(`/clearon/coupons/${dead.id}/retry`)
      .set(authHeader(adminToken))
      .expect(200);
    await settled();
    await request(app.server)
      .post('/clearon/privacy/erase')
      .set(authHeader(adminToken))
      .send({ email: [...emails][0] })
      .expect(200);

    // The run did go through every path.
    const codes = (await app.strapi.db
      .connection('clearon_coupons')
      .select('status', 'last_error_code')) as Array<{ status: string; last_error_code: string }>;
    expect(codes.filter((c) => c.status === 'issued').length).toBeGreaterThan(50);
    expect(codes.map((c) => c.last_error_code)).toEqual(
      expect.arrayContaining(['unknown_coupon', 'unauthorized'])
    );
    const statusesSeen = new Set(simulator.received.map((r) => r.status));
    for (const status of [0, 200, 201, 401, 404, 429, 500, 502, 503]) {
      expect([status, statusesSeen.has(status)]).toEqual([status, true]);
    }
  });

  it('logged the failures, and nothing personal or secret', () => {
    // The capture works: the issuer's warnings and the request log are in it.
    for (const expected of [
      'rate_limited',
      'server_error',
      'unknown_coupon',
      'unauthorized',
      '(unauthorized)',
      'could not be processed',
      'POST /api/clearon/campaigns/logs-auto/participations',
      'POST /clearon/privacy/erase',
      linkedRead,
    ]) {
      expect([expected, logs.text().includes(expected)]).toEqual([expected, true]);
    }

    const redeemUrls = [...simulator.coupons.values()].map((c) => c.redeemUrl);
    expect(redeemUrls.length).toBeGreaterThan(50);
    const forbidden = new Map<string, string>();
    for (const email of emails) {
      forbidden.set(email, 'email');
      forbidden.set(email.toLowerCase().trim(), 'email');
    }
    for (const phone of phones) {
      forbidden.set(phone, 'phone');
      const digits = phone.replace(/\D/g, '');
      forbidden.set(digits, 'phone digits');
      forbidden.set(`+46${digits.replace(/^0/, '')}`, 'phone E.164');
    }
    for (const token of tokens) forbidden.set(token, 'participant token');
    forbidden.set(GOOD_KEY, 'API key');
    forbidden.set(REVOKED_KEY, 'API key');
    for (const url of redeemUrls) forbidden.set(url, 'redeem URL');
    for (const coupon of simulator.coupons.values()) forbidden.set(coupon.couponId, 'coupon id');

    const leaks = [...forbidden].filter(
      ([value]) => value.length >= 6 && logs.text().includes(value)
    );
    const context = leaks.slice(0, 3).map(([value]) => {
      const at = logs.text().indexOf(value);
      return logs.text().slice(Math.max(0, at - 200), at + value.length + 50);
    });
    expect({ leaks: leaks.map(([, kind]) => kind), context }).toEqual({ leaks: [], context: [] });
    expect(logs.text()).not.toMatch(/\/c\/cpn_/);
    expect(logs.text()).not.toMatch(/[a-z0-9.]+@example\.se/i);
  });
});
