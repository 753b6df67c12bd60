import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';

const PLUGIN_TABLES = [
  'clearon_integrations',
  'clearon_mapping_variables',
  'clearon_campaigns',
  'clearon_participations',
  'clearon_coupons',
  'clearon_triggers',
  'components_clearon_form_fields',
  'components_clearon_exit_screens',
];

describe('the plugin in a real Strapi', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('is loaded under the id "clearon"', () => {
    expect(app.strapi.plugin('clearon')).toBeDefined();
    expect(Object.keys(app.strapi.plugin('clearon').contentTypes).sort()).toEqual([
      'campaign',
      'coupon',
      'integration',
      'limit-counter',
      'mapping-variable',
      'participation',
      'trigger',
    ]);
  });

  it.each(PLUGIN_TABLES)('created the table %s in the database', async (table) => {
    expect(await app.strapi.db.connection.schema.hasTable(table)).toBe(true);
  });

  it("indexes the issuer's claim query: coupons by status and next attempt", async () => {
    const inspector = (
      app.strapi.db.dialect as unknown as {
        schemaInspector: {
          getIndexes(table: string): Promise<{ name: string; columns: string[] }[]>;
        };
      }
    ).schemaInspector;
    const indexes = await inspector.getIndexes('clearon_coupons');
    expect(indexes).toContainEqual(
      expect.objectContaining({
        name: 'clearon_coupons_due_idx',
        columns: ['status', 'next_attempt_at'],
      })
    );
  });

  it('stores and reads a campaign with its components through the document service', async () => {
    const created = await app.strapi.documents('plugin::clearon.campaign').create({
      data: {
        title: 'Foundation check',
        slug: 'foundation-check',
        mode: 'identified',
        format: 'form',
        fields: [{ key: 'email', label: 'Email', type: 'email', required: true }],
        exitScreens: [{ title: 'Thanks', match: 'default' }],
      },
      populate: ['fields', 'exitScreens'],
    });
    const rows = await app.strapi.db
      .connection('clearon_campaigns')
      .where({ document_id: created.documentId });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(created.fields).toEqual([expect.objectContaining({ key: 'email', type: 'email' })]);
  });

  it('answers on its content API route over HTTP', async () => {
    const response = await request(app.server).get('/api/clearon/health').expect(200);
    expect(response.body.data.status).toBe('ok');
    expect(typeof response.body.data.campaigns).toBe('number');
  });

  it('serves the playground favicon instead of a 500', async () => {
    const response = await request(app.server).get('/favicon.ico').expect(200);
    expect(response.headers['content-type']).toMatch(/^image\//);
    expect(response.body.length).toBeGreaterThan(0);
  });
});
