import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createAdminWithPermissions, createSuperAdmin } from '../harness/admin';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

describe("GET /clearon/campaign-options: the coupons dashboard's campaign filter", () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    token = (await createSuperAdmin(app)).token;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('lists every campaign once, draft or published, by title', async () => {
    const published = await publishCampaign(app.strapi, {
      ...formCampaign('summer'),
      title: 'Summer game',
      maxCoupons: 100,
      lowStockThreshold: 10,
    });
    await request(app.server)
      .post('/api/clearon/campaigns/summer/participations')
      .send({ answers: { firstname: 'Ada', email: 'ada@example.se', deliveryType: 'email' } })
      .expect(201);
    const draft = (await app.strapi.documents('plugin::clearon.campaign').create({
      data: { ...formCampaign('autumn'), title: 'Autumn quiz' },
    } as never)) as unknown as {
      documentId: string;
    };

    const { body } = await request(app.server)
      .get('/clearon/campaign-options')
      .set(authHeader(token))
      .expect(200);
    expect(body).toEqual({
      data: [
        {
          id: draft.documentId,
          title: 'Autumn quiz',
          slug: 'autumn',
          maxCoupons: null,
          lowStockThreshold: null,
          couponsWritten: 0,
          honeypotHits: 0,
        },
        // The dashboard's stock figures: one coupon of the 100 written.
        {
          id: published.documentId,
          title: 'Summer game',
          slug: 'summer',
          maxCoupons: 100,
          lowStockThreshold: 10,
          couponsWritten: 1,
          honeypotHits: 0,
        },
      ],
    });
  });

  it('needs coupons.read, not the Content Manager', async () => {
    const reader = await createAdminWithPermissions(app, ['plugin::clearon.coupons.read']);
    const { body } = await request(app.server)
      .get('/clearon/campaign-options')
      .set(authHeader(reader.token))
      .expect(200);
    expect(body.data.map((c: { title: string }) => c.title)).toEqual([
      'Autumn quiz',
      'Summer game',
    ]);
    const nobody = await createAdminWithPermissions(app, []);
    await request(app.server)
      .get('/clearon/campaign-options')
      .set(authHeader(nobody.token))
      .expect(403);
    await request(app.server).get('/clearon/campaign-options').expect(401);
  });
});
