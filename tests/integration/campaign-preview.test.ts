import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createSuperAdmin } from '../harness/admin';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

/**
 * Strapi 5's Preview: the playground's config/admin.ts `preview.config.handler` sends a campaign to
 * the plugin's preview page. The Content Manager asks this endpoint for the URL of its preview
 * iframe and shows "Open preview" only when it answers one.
 */
describe("the Content Manager's Preview opens the plugin's campaign preview", () => {
  let app: TestApp;
  let token: string;

  const previewUrl = (uid: string, query: Record<string, string>) =>
    request(app.server)
      .get(`/content-manager/preview/url/${uid}`)
      .query(query)
      .set(authHeader(token));

  beforeAll(async () => {
    app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    token = (await createSuperAdmin(app)).token;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers the preview page of the draft or the published campaign', async () => {
    const campaign = await publishCampaign(app.strapi, formCampaign('preview-me'));
    const draft = await previewUrl('plugin::clearon.campaign', {
      documentId: campaign.documentId,
      status: 'draft',
    }).expect(200);
    expect(draft.body.data.url).toBe(
      `/admin/plugins/clearon/preview/${campaign.documentId}?status=draft`
    );
    const published = await previewUrl('plugin::clearon.campaign', {
      documentId: campaign.documentId,
      status: 'published',
    }).expect(200);
    expect(published.body.data.url).toBe(
      `/admin/plugins/clearon/preview/${campaign.documentId}?status=published`
    );
    // Without a status, a draft & publish type previews its draft.
    const defaulted = await previewUrl('plugin::clearon.campaign', {
      documentId: campaign.documentId,
    }).expect(200);
    expect(defaulted.body.data.url).toMatch(/\?status=draft$/);
  });

  it('has no preview for other content types, and only for signed-in admins', async () => {
    const other = await previewUrl('plugin::clearon.participation', { documentId: 'x' });
    expect(other.status).toBe(204);
    await request(app.server)
      .get('/content-manager/preview/url/plugin::clearon.campaign')
      .query({ documentId: 'x' })
      .expect(401);
  });
});
