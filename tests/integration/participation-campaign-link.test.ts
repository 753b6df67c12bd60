import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

const PARTICIPATION = 'plugin::clearon.participation';
const CAMPAIGN = 'plugin::clearon.campaign';

// The public submit links a participation to its campaign itself (utils/campaign-link.ts) rather than
// through the document service: the links must be exactly those Strapi writes, and behave the same.
describe("a participation's link to its campaign", () => {
  let app: TestApp;
  let campaignDocumentId: string;
  const answers = (name: string) => ({
    firstname: name,
    email: `${name.toLowerCase()}@example.se`,
    deliveryType: 'email',
  });
  const post = (name: string) =>
    request(app.server)
      .post('/api/clearon/campaigns/linked/participations')
      .send({ answers: answers(name) })
      .expect(201);
  const idOf = async (documentId: string) =>
    (await app.strapi.db.query(PARTICIPATION).findOne({ where: { documentId }, select: ['id'] }))
      .id as number;
  const linkedCampaignRows = async (participationDocumentId: string) =>
    (
      await app.strapi.db
        .connection('clearon_participations_campaign_lnk')
        .where({ participation_id: await idOf(participationDocumentId) })
        .select('campaign_id')
    )
      .map((row: { campaign_id: number }) => row.campaign_id)
      .sort();
  const campaignRows = async () =>
    (
      await app.strapi.db
        .connection('clearon_campaigns')
        .where({ document_id: campaignDocumentId })
        .select('id')
    )
      .map((row: { id: number }) => row.id)
      .sort();
  const campaignOf = async (participationDocumentId: string) =>
    (
      (await app.strapi.documents(PARTICIPATION).findOne({
        documentId: participationDocumentId,
        populate: ['campaign'],
      } as never)) as unknown as { campaign: { documentId: string; title: string } | null }
    ).campaign;

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { worker: { enabled: false }, buttonWaitMs: 0, rateLimit: { enabled: false } },
    });
    campaignDocumentId = (await publishCampaign(app.strapi, formCampaign('linked', null)))
      .documentId;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('links the draft and the published campaign rows, as the document service does', async () => {
    const publicPath = (await post('Lina')).body.data.id as string;
    const documentService = (await app.strapi.documents(PARTICIPATION).create({
      data: { campaign: campaignDocumentId, answers: answers('Doc'), reference: 'cl_doc_link' },
    } as never)) as unknown as { documentId: string };

    const rows = await campaignRows();
    expect(rows).toHaveLength(2);
    expect(await linkedCampaignRows(publicPath)).toEqual(rows);
    expect(await linkedCampaignRows(documentService.documentId)).toEqual(rows);
    expect(await campaignOf(publicPath)).toMatchObject({ documentId: campaignDocumentId });
  });

  it("carries the campaign in Strapi's entry.create event (webhooks)", async () => {
    const events: Array<{ uid: string; entry: { campaign?: { documentId: string } } }> = [];
    const listener = async (event: (typeof events)[number]) => {
      if (event.uid === PARTICIPATION) events.push(event);
    };
    app.strapi.eventHub.on('entry.create', listener);
    try {
      await post('Eve');
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      app.strapi.eventHub.off('entry.create', listener);
    }
    expect(events).toHaveLength(1);
    expect(events[0].entry.campaign).toMatchObject({ documentId: campaignDocumentId });
  });

  it('keeps the link when the editor changes and publishes the campaign again', async () => {
    const { id: participation, token } = (await post('Rex')).body.data as {
      id: string;
      token: string;
    };
    await app.strapi.documents(CAMPAIGN).update({
      documentId: campaignDocumentId,
      data: { title: 'Linked, second edition' },
    } as never);
    await app.strapi.documents(CAMPAIGN).publish({ documentId: campaignDocumentId } as never);

    expect(await campaignOf(participation)).toMatchObject({ documentId: campaignDocumentId });
    // The participant's page still finds the campaign, so still shows the exit screen.
    const read = await request(app.server)
      .get(`/api/clearon/participations/${participation}`)
      .set('X-Participation-Token', token)
      .expect(200);
    expect(read.body.data.exitScreen).toMatchObject({ title: expect.stringContaining('Rex') });
  });
});
