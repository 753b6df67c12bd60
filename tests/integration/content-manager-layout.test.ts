import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { authHeader, createSuperAdmin } from '../harness/admin';

const CAMPAIGN = 'plugin::clearon.campaign';
const PARTICIPATION = 'plugin::clearon.participation';
const FORM_FIELD = 'clearon.form-field';
const EXIT_SCREEN = 'clearon.exit-screen';

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}

/** The body "Configure the view" saves: the GET's list.mainField (added for display) left out. */
const forSaving = ({ settings, metadatas, layouts }: Configuration) => ({
  settings,
  layouts,
  metadatas: Object.fromEntries(
    Object.entries(metadatas).map(([name, { edit, list }]) => {
      const { mainField: _shown, ...saved } = list;
      return [name, { edit, list: saved }];
    })
  ),
});

const editOrder = (configuration: Configuration) =>
  configuration.layouts.edit.map((row) => row.map((cell) => cell.name));

describe('the Content Manager shows the plugin types with labels and layouts', () => {
  let database: TestDatabase;
  let app: TestApp | undefined;
  let token: string;

  const contentType = async (uid: string) => {
    const { body } = await request(app!.server)
      .get(`/content-manager/content-types/${uid}/configuration`)
      .set(authHeader(token))
      .expect(200);
    return body.data as {
      contentType: Configuration;
      components: Record<string, Configuration>;
    };
  };
  const component = async (uid: string) => {
    const { body } = await request(app!.server)
      .get(`/content-manager/components/${uid}/configuration`)
      .set(authHeader(token))
      .expect(200);
    return body.data.component as Configuration;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await bootStrapi({ database, pluginConfig: { worker: { enabled: false } } });
    token = (await createSuperAdmin(app)).token;
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('labels, describes and lays out the campaign, its components and its list view', async () => {
    const { contentType: campaign, components } = await contentType(CAMPAIGN);
    expect(campaign.metadatas.participationLimit.edit).toMatchObject({
      label: 'Participation limit',
      description: expect.stringContaining('How often one person'),
    });
    expect(campaign.metadatas.exitScreens.edit.description).toMatch(/top to bottom/);
    expect(campaign.metadatas.startsAt.list.label).toBe('Starts at');
    expect(campaign.layouts.list).toEqual([
      'title',
      'slug',
      'format',
      'startsAt',
      'endsAt',
      'maxCoupons',
    ]);
    expect(editOrder(campaign)).toEqual([
      ['title', 'slug'],
      ['mode', 'format'],
      ['startsAt', 'endsAt'],
      ['participationLimit', 'limitPeriodHours', 'allowUnlimitedWithCoupon'],
      ['maxCoupons', 'lowStockThreshold', 'captcha'],
      ['fields'],
      ['questions'],
      ['exitScreens'],
    ]);

    // The components, as the campaign's edit view receives them: no raw attribute names.
    const formField = components[FORM_FIELD];
    expect(formField.metadatas.showWhenField.edit.label).toBe('Show when field');
    expect(formField.metadatas.mappingVariable.edit.label).toBe('Mapping variable');
    expect(formField.settings.mainField).toBe('label');
    for (const [uid, configuration] of Object.entries(components)) {
      for (const [name, meta] of Object.entries(configuration.metadatas)) {
        if (name === 'id' || name === 'documentId') continue;
        expect(`${uid}.${name}: ${String(meta.edit.label)}`).not.toBe(`${uid}.${name}: ${name}`);
      }
    }
    // An exit screen reads in order: its title and when it shows, the text, then the coupon.
    expect(editOrder(components[EXIT_SCREEN]).flat()).toEqual([
      'title',
      'match',
      'minScore',
      'maxScore',
      'profile',
      'body',
      'coupon',
      'noCouponsText',
    ]);
  });

  it('shows participations with useful columns, read-only where only the plugin writes', async () => {
    const { contentType: participation } = await contentType(PARTICIPATION);
    expect(participation.layouts.list).toEqual([
      'reference',
      'campaign',
      'deliveryType',
      'score',
      'profile',
      'createdAt',
    ]);
    expect(participation.metadatas.email.edit).toMatchObject({ label: 'Email', editable: false });
    expect(participation.metadatas.campaign.edit).toMatchObject({ editable: true });
    expect(editOrder(participation).flat()).not.toContain('tokenHash');
  });

  it("keeps an admin's own configuration across a restart and a new version of the defaults", async () => {
    const { contentType: campaign } = await contentType(CAMPAIGN);
    const customised = structuredClone(campaign);
    customised.metadatas.title.edit.label = 'Campaign name';
    customised.layouts.list = ['title', 'format'];
    await request(app!.server)
      .put(`/content-manager/content-types/${CAMPAIGN}/configuration`)
      .set(authHeader(token))
      .send(forSaving(customised))
      .expect(200);
    const exitScreen = await component(EXIT_SCREEN);
    exitScreen.metadatas.match.edit.description = 'Our own help text';
    await request(app!.server)
      .put(`/content-manager/components/${EXIT_SCREEN}/configuration`)
      .set(authHeader(token))
      .send(forSaving(exitScreen))
      .expect(200);

    // As after a plugin upgrade: the recorded defaults are an older version, and the form field's
    // configuration is gone (Strapi regenerates its own on boot, which the plugin then replaces).
    const store = app!.strapi.store({
      type: 'plugin',
      name: 'clearon',
      key: 'content-manager-defaults',
    });
    const marker = (await store.get({})) as { version: number };
    expect(marker.version).toBeGreaterThan(0);
    await store.set({ value: { ...marker, version: 0 } });
    await app!.strapi.db
      .query('strapi::core-store')
      .delete({ where: { key: `plugin_content_manager_configuration_components::${FORM_FIELD}` } });

    await app!.stop();
    app = await bootStrapi({ database, pluginConfig: { worker: { enabled: false } } });
    token = (await createSuperAdmin(app)).token;

    const after = await contentType(CAMPAIGN);
    expect(after.contentType.metadatas.title.edit.label).toBe('Campaign name');
    expect(after.contentType.layouts.list).toEqual(['title', 'format']);
    // What the admin did not touch still reads as the plugin set it.
    expect(after.contentType.metadatas.participationLimit.edit.label).toBe('Participation limit');
    expect(after.components[EXIT_SCREEN].metadatas.match.edit.description).toBe(
      'Our own help text'
    );
    expect(after.components[EXIT_SCREEN].metadatas.match.edit.label).toBe('Shown for');
    // Strapi's regenerated configuration got the plugin's defaults again.
    const formField = after.components[FORM_FIELD];
    expect(formField.metadatas.showWhenValue.edit.label).toBe('Show when value');
    expect(editOrder(formField)[0]).toEqual(['label', 'key']);
  });
});
