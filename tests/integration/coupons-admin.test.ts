import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createAdminWithPermissions, createSuperAdmin } from '../harness/admin';

const ROWS = 2_345;

/** Coupons written straight to the outbox table, as the issuer leaves them. */
const seedCoupons = async (app: TestApp) => {
  const knex = app.strapi.db.connection;
  const now = Date.now();
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    document_id: `doc${String(i).padStart(6, '0')}`,
    reference: `cl_seed_${i}`,
    campaign_document_id: i % 2 === 0 ? 'campaign-a' : 'campaign-b',
    coupon_code: i === 7 ? '=HYPERLINK("x")' : 'SEED',
    validity_days: 30,
    delivery: 'button',
    channel: 'email',
    status: i % 10 === 0 ? 'failed' : 'issued',
    attempts: 1,
    last_error: i % 10 === 0 ? 'ClearOn does not know the coupon code, "SEED"' : null,
    code: '1234567',
    redeem_url: 'https://clearon.example/c/secret',
    created_at: new Date(now - (ROWS - i) * 1000),
    updated_at: new Date(now),
    published_at: new Date(now),
  }));
  for (let i = 0; i < rows.length; i += 200)
    await knex('clearon_coupons').insert(rows.slice(i, i + 200));
};

describe('coupons in the admin: list, stats, retry, CSV export, permissions', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    token = (await createSuperAdmin(app)).token;
    await seedCoupons(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('lists newest first, paginated and filtered', async () => {
    const { body } = await request(app.server)
      .get('/clearon/coupons')
      .query({ campaign: 'campaign-a', status: 'issued', page: 2, pageSize: 10 })
      .set(authHeader(token))
      .expect(200);
    const issuedA = Math.ceil(ROWS / 2) - Math.ceil(ROWS / 10); // even rows are campaign-a; every tenth is failed
    expect(body.pagination).toEqual({
      page: 2,
      pageSize: 10,
      total: issuedA,
      pageCount: Math.ceil(issuedA / 10),
    });
    expect(body.results).toHaveLength(10);
    const created = body.results.map((r: { createdAt: string }) => Date.parse(r.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    expect(JSON.stringify(body)).not.toMatch(/1234567|clearon\.example/);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const res = await request(app.server)
      .get('/clearon/coupons')
      .query({ status: 'lost' })
      .set(authHeader(token))
      .expect(400);
    expect(res.body.error.details.errors[0].path).toEqual(['status']);
    const page = await request(app.server)
      .get('/clearon/coupons')
      .query({ pageSize: 1000 })
      .set(authHeader(token))
      .expect(400);
    expect(page.body.error.details.errors[0].path).toEqual(['pageSize']);
  });

  it('counts by status', async () => {
    const { body } = await request(app.server)
      .get('/clearon/coupons/stats')
      .set(authHeader(token))
      .expect(200);
    expect(body.data).toEqual({
      pending: 0,
      issued: ROWS - Math.ceil(ROWS / 10),
      failed: Math.ceil(ROWS / 10),
      dead: 0,
      needs_attention: 0,
    });
  });

  it('streams every filtered row as CSV, newest first, without codes or links, defusing formulas', async () => {
    const res = await request(app.server)
      .get('/clearon/coupons/export')
      .set(authHeader(token))
      .buffer(true)
      .parse((response, callback) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => callback(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="clearon-coupons-.*\.csv"/
    );
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'createdAt,status,campaign,couponCode,validityDays,delivery,channel,recipient,attempts,lastErrorCode,lastError,clearonCouponId,issuedAt,expiresAt,reference'
    );
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[1]).toContain(`cl_seed_${ROWS - 1}`);
    expect(lines[ROWS]).toContain('cl_seed_0');
    expect(res.body).not.toMatch(/1234567|clearon\.example/);
    expect(res.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(res.body).toContain('"ClearOn does not know the coupon code, ""SEED"""');
  });

  it('exports only the filtered rows', async () => {
    const res = await request(app.server)
      .get('/clearon/coupons/export')
      .query({ status: 'failed' })
      .set(authHeader(token))
      .expect(200);
    expect(res.text.trimEnd().split('\r\n')).toHaveLength(Math.ceil(ROWS / 10) + 1);
  });

  it('retries all failed coupons of a campaign', async () => {
    const { body } = await request(app.server)
      .post('/clearon/coupons/retry')
      .send({ campaign: 'campaign-b', status: 'failed' })
      .set(authHeader(token))
      .expect(200);
    expect(body.data.retried).toBe(0); // every tenth row is even: all failed coupons are campaign-a's
    const all = await request(app.server)
      .post('/clearon/coupons/retry')
      .send({ campaign: 'campaign-a' })
      .set(authHeader(token))
      .expect(200);
    expect(all.body.data.retried).toBe(Math.ceil(ROWS / 10));
    const pending = await app.strapi.db
      .connection('clearon_coupons')
      .where({ status: 'pending' })
      .count({ n: '*' });
    expect(Number(pending[0].n)).toBe(Math.ceil(ROWS / 10));
  });

  it('enforces the coupon permissions with real non-super-admin users', async () => {
    const reader = await createAdminWithPermissions(app, ['plugin::clearon.coupons.read']);
    await request(app.server).get('/clearon/coupons').set(authHeader(reader.token)).expect(200);
    await request(app.server)
      .get('/clearon/coupons/export')
      .set(authHeader(reader.token))
      .expect(403);
    await request(app.server)
      .post('/clearon/coupons/retry')
      .send({})
      .set(authHeader(reader.token))
      .expect(403);
    const nobody = await createAdminWithPermissions(app, []);
    await request(app.server).get('/clearon/coupons').set(authHeader(nobody.token)).expect(403);
    await request(app.server).get('/clearon/coupons').expect(401);
  });
});
