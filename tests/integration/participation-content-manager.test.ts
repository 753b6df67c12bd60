/**
 * The Participation content type in the Content Manager (its real HTTP API, as the admin panel
 * calls it) is not a back door: the same validation and limits as the public POST, the "Send test
 * coupons" permission to issue a coupon, participant data that cannot be edited, and email, phone
 * and answers masked.
 */
import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createAdminWithPermissions, createSuperAdmin } from '../harness/admin';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

const UID = 'plugin::clearon.participation';
const CM = `/content-manager/collection-types/${UID}`;

describe('participations in the Content Manager', () => {
  let app: TestApp;
  let superToken: string;
  let campaignId: string;

  const answers = (email: string) => ({ firstname: 'Ada', email, deliveryType: 'email' });
  const create = (token: string, body: Record<string, unknown>) =>
    request(app.server).post(CM).set(authHeader(token)).send(body);
  const couponCount = async () =>
    Number((await app.strapi.db.connection('clearon_coupons').count({ n: '*' }))[0].n);

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { worker: { enabled: false }, buttonWaitMs: 0, rateLimit: { enabled: false } },
    });
    superToken = (await createSuperAdmin(app)).token;
    const { participationLimit: _l, allowUnlimitedWithCoupon: _o, ...once } = formCampaign('cm');
    campaignId = (await publishCampaign(app.strapi, once)).documentId;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('refuses answers the public POST would refuse, naming the field (400)', async () => {
    const res = await create(superToken, {
      campaign: { connect: [{ documentId: campaignId }] },
      answers: { firstname: 'Ada', email: 'not-an-email', deliveryType: 'email' },
    }).expect(400);
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['answers', 'email'],
        message: 'must be a valid email address',
      }),
    ]);
  });

  it('needs the "Send test coupons" permission to create one that issues a coupon (403)', async () => {
    const editor = await createAdminWithPermissions(app, []);
    const roles = app.strapi.service('admin::role') as unknown as {
      assignPermissions(id: number, permissions: object[]): Promise<unknown>;
    };
    const fields = ['campaign', 'answers', 'email', 'phone', 'firstName', 'deliveryType'];
    await roles.assignPermissions(editor.roleId, [
      { action: 'plugin::content-manager.explorer.create', subject: UID, properties: { fields } },
      { action: 'plugin::content-manager.explorer.read', subject: UID, properties: { fields } },
    ]);
    const before = await couponCount();
    const res = await create(editor.token, {
      campaign: { connect: [{ documentId: campaignId }] },
      answers: answers('editor@example.se'),
    }).expect(403);
    expect(res.body.error.message).toMatch(/Send test coupons/);
    expect(await couponCount()).toBe(before);

    // With the permission, the same editor may.
    await roles.assignPermissions(editor.roleId, [
      { action: 'plugin::content-manager.explorer.create', subject: UID, properties: { fields } },
      { action: 'plugin::content-manager.explorer.read', subject: UID, properties: { fields } },
      { action: 'plugin::clearon.coupons.test', subject: null, properties: {} },
    ]);
    await create(editor.token, {
      campaign: { connect: [{ documentId: campaignId }] },
      answers: answers('editor@example.se'),
    }).expect(201);
    expect(await couponCount()).toBe(before + 1);
  });

  it('writes a valid one with its coupon, derives the contact from the answers, and masks it', async () => {
    const before = await couponCount();
    const res = await create(superToken, {
      campaign: { connect: [{ documentId: campaignId }] },
      answers: answers('Grace@Example.se'),
      email: 'someone-else@example.se', // not the participant's: ignored
    }).expect(201);
    expect(res.body.data.email).toBe('g***@example.se');
    expect(await couponCount()).toBe(before + 1);
    const row = await app.strapi.db
      .connection('clearon_participations')
      .where('document_id', res.body.data.documentId)
      .first();
    expect(row.email).toBe('grace@example.se');

    const list = await request(app.server).get(CM).set(authHeader(superToken)).expect(200);
    expect(list.text).not.toContain('grace@example.se');
    const one = await request(app.server)
      .get(`${CM}/${res.body.data.documentId}`)
      .set(authHeader(superToken))
      .expect(200);
    expect(one.body.data.email).toBe('g***@example.se');
    expect(one.body.data.answers.email).toBe('g***@example.se');

    // Saving the entry cannot change what the participant gave.
    await request(app.server)
      .put(`${CM}/${res.body.data.documentId}`)
      .set(authHeader(superToken))
      .send({ email: 'x@example.se', answers: answers('x@example.se') })
      .expect(200);
    const after = await app.strapi.db
      .connection('clearon_participations')
      .where('document_id', res.body.data.documentId)
      .first();
    expect(after.email).toBe('grace@example.se');
  });

  it("holds the campaign's participation limit", async () => {
    const res = await create(superToken, {
      campaign: { connect: [{ documentId: campaignId }] },
      answers: answers('grace@example.se'),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'ParticipationLimitError',
      details: { reason: 'once' },
    });
  });
});
