/**
 * Campaigns stored before the campaign type was localised keep working: on the first boot with the
 * localised type, Strapi (its `strapi::content-types.afterSync` i18n migration) gives every row
 * without a locale the default locale, so no migration of the plugin's own is needed.
 */
import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import type { TestDatabase } from '../harness/database';
import { formCampaign, paragraphs, publishCampaign } from '../fixtures/campaigns';

const UID = 'plugin::clearon.campaign';
const CONFIG = { worker: { enabled: false }, buttonWaitMs: 0, rateLimit: { enabled: false } };

describe('campaigns stored before localisation', () => {
  let app: TestApp | undefined;
  let database: TestDatabase | undefined;

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('get the default locale on boot and are served and polled as before', async () => {
    app = await bootStrapi({ pluginConfig: CONFIG });
    database = app.database;
    await publishCampaign(app.strapi, {
      ...formCampaign('before-i18n', null),
      participationLimit: 'once',
      exitScreens: [{ title: 'Hi {firstname}', body: paragraphs('Old'), match: 'default' }],
    });
    const answers = { firstname: 'Ada', email: 'old@example.com', deliveryType: 'email' };
    const earlier = await request(app.server)
      .post('/api/clearon/campaigns/before-i18n/participations')
      .send({ answers })
      .expect(201);

    // The state before this version: rows without a locale, a non-localised type in the stored schema.
    await app.strapi.db.connection('clearon_campaigns').update({ locale: null });
    await app.strapi.db.connection('clearon_participations').update({ campaign_locale: null });
    const store = app.strapi.db.connection('strapi_core_store_settings');
    const key = { key: 'strapi_content_types_schema' };
    const stored = JSON.parse((await store.where(key).first('value')).value);
    stored[UID].pluginOptions.i18n = { localized: false };
    await store.where(key).update({ value: JSON.stringify(stored) });
    await app.strapi.destroy();

    app = await bootStrapi({ database, pluginConfig: CONFIG });
    const rows = await app.strapi.db.connection('clearon_campaigns').select('locale');
    expect(rows.map((row: { locale: string }) => row.locale)).toEqual(['en', 'en']);

    const { body } = await request(app.server)
      .get('/api/clearon/campaigns/before-i18n')
      .expect(200);
    expect(body.data).toMatchObject({ locale: 'en', locales: ['en'] });
    const polled = await request(app.server)
      .get(`/api/clearon/participations/${earlier.body.data.id}`)
      .set('X-Participation-Token', earlier.body.data.token)
      .expect(200);
    expect(polled.body.data.exitScreen.title).toBe('Hi Ada');
    // The limit (once per person, counted by the campaign's documentId) still holds.
    await request(app.server)
      .post('/api/clearon/campaigns/before-i18n/participations')
      .send({ answers })
      .expect(409);
  });
});
