import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createAdminWithPermissions, createSuperAdmin } from '../harness/admin';
import { ensureDeliveryTypeVariable, formCampaign, publishCampaign } from '../fixtures/campaigns';

const CAMPAIGN = 'plugin::clearon.campaign';
const FORM_FIELD = 'clearon.form-field';
const PICKERS = {
  mappingVariable: 'plugin::clearon.mapping-variable',
  showWhenField: 'plugin::clearon.show-when-field',
  showWhenValue: 'plugin::clearon.show-when-value',
} as const;

interface StoredField {
  key: string;
  mappingVariable: string | null;
  showWhenField: string | null;
  showWhenValue: string | null;
}

/**
 * The form field's mapping variable and "show when" field and value are custom fields (picked from
 * lists in the admin) over `type: string`: the same columns, the same values, the same checks.
 */
describe('the form field pickers: custom fields stored as strings', () => {
  let app: TestApp;
  let token: string;

  const campaigns = () => app.strapi.documents(CAMPAIGN);

  beforeAll(async () => {
    app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    token = (await createSuperAdmin(app)).token;
    await ensureDeliveryTypeVariable(app.strapi);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('declares the attributes as custom fields whose type is string', () => {
    const attributes = app.strapi.components[FORM_FIELD].attributes as Record<
      string,
      { type: string; customField?: string }
    >;
    for (const [name, uid] of Object.entries(PICKERS)) {
      expect({ name, ...attributes[name] }).toMatchObject({
        name,
        type: 'string',
        customField: uid,
      });
      expect(app.strapi.get('custom-fields').get(uid)).toMatchObject({ type: 'string' });
    }
  });

  it("keeps the columns' type: the same as a plain string attribute's", async () => {
    const meta = app.strapi.db.metadata.get(FORM_FIELD);
    const columnOf = (attribute: string) =>
      (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    const columns = await app.strapi.db.connection(meta.tableName).columnInfo();
    const plain = columns[columnOf('hiddenValue')];
    expect(plain.type).toMatch(/^(varchar|character varying)$/);
    expect(Number(plain.maxLength)).toBe(255);
    for (const attribute of Object.keys(PICKERS)) {
      const column = columns[columnOf(attribute)];
      expect({ attribute, type: column.type, maxLength: column.maxLength }).toEqual({
        attribute,
        type: plain.type,
        maxLength: plain.maxLength,
      });
    }
  });

  it('stores the same column definitions as a plain string (no migration on upgrade)', async () => {
    // The schema Strapi diffs against at each start (strapi_database_schema) to alter columns.
    const meta = app.strapi.db.metadata.get(FORM_FIELD);
    const row = (await app.strapi.db.connection('strapi_database_schema').first('schema')) as {
      schema: unknown;
    };
    const schema = (typeof row.schema === 'string' ? JSON.parse(row.schema) : row.schema) as {
      tables: Array<{ name: string; columns: Array<{ name: string; type: string }> }>;
    };
    const table = schema.tables.find((candidate) => candidate.name === meta.tableName);
    const definition = (attribute: string) => {
      const name = (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
      const { name: _name, ...rest } = table?.columns.find((column) => column.name === name) ?? {
        name,
      };
      return rest;
    };
    expect(definition('hiddenValue')).toMatchObject({ type: 'string' });
    for (const attribute of Object.keys(PICKERS)) {
      expect({ attribute, ...definition(attribute) }).toEqual({
        attribute,
        ...definition('hiddenValue'),
      });
    }
  });

  it('gives the admin the custom fields in the form field schema', async () => {
    const { body } = await request(app.server)
      .get('/content-manager/init')
      .set(authHeader(token))
      .expect(200);
    const component = (
      body.data.components as Array<{ uid: string; attributes: Record<string, unknown> }>
    ).find((candidate) => candidate.uid === FORM_FIELD);
    for (const [name, uid] of Object.entries(PICKERS)) {
      expect(component?.attributes[name]).toMatchObject({ type: 'string', customField: uid });
    }
  });

  it('saves and reads a campaign through the document service as before', async () => {
    const created = await campaigns().create({ data: formCampaign('pickers') });
    const found = await campaigns().findOne({
      documentId: created.documentId,
      populate: { fields: true },
    });
    const fields = (found?.fields ?? []) as StoredField[];
    expect(
      fields.map(({ key, mappingVariable, showWhenField, showWhenValue }) => ({
        key,
        mappingVariable,
        showWhenField,
        showWhenValue,
      }))
    ).toEqual([
      { key: 'firstname', mappingVariable: 'firstname', showWhenField: null, showWhenValue: null },
      { key: 'email', mappingVariable: null, showWhenField: null, showWhenValue: null },
      {
        key: 'deliveryType',
        mappingVariable: 'deliveryType',
        showWhenField: null,
        showWhenValue: null,
      },
      { key: 'phone', mappingVariable: null, showWhenField: 'deliveryType', showWhenValue: 'sms' },
      { key: 'source', mappingVariable: null, showWhenField: null, showWhenValue: null },
    ]);
  });

  it('still refuses a name that does not exist', async () => {
    const base = formCampaign('refused');
    const withField = (i: number, change: Record<string, string>) => ({
      ...base,
      fields: base.fields.map((field, j) => (j === i ? { ...field, ...change } : field)),
    });
    await expect(
      campaigns().create({ data: withField(2, { mappingVariable: 'nope' }) })
    ).rejects.toThrow(/fields\.2\.mappingVariable no mapping variable "nope"/);
    await expect(
      campaigns().create({ data: withField(3, { showWhenField: 'nope' }) })
    ).rejects.toThrow(/fields\.3\.showWhenField no field "nope" in this form/);
    await expect(
      campaigns().create({ data: withField(3, { showWhenValue: 'post' }) })
    ).rejects.toThrow(/fields\.3\.showWhenValue "post" is not a value of the choice field/);
  });

  it('shows a conditional field to participants as before', async () => {
    await publishCampaign(app.strapi, formCampaign('shown'));
    const { body } = await request(app.server).get('/api/clearon/campaigns/shown').expect(200);
    expect(body.data.fields.find((field: { key: string }) => field.key === 'phone')).toMatchObject({
      showWhen: { field: 'deliveryType', value: 'sms' },
    });
  });

  it('lists the mapping variables available in forms to any admin', async () => {
    await app.strapi.documents('plugin::clearon.mapping-variable').create({
      data: {
        label: 'Internal',
        technicalName: 'internal',
        type: 'answer',
        availableInForms: false,
      },
    });
    const editor = await createAdminWithPermissions(app, []);
    const { body } = await request(app.server)
      .get('/clearon/mapping-variable-options')
      .set(authHeader(editor.token))
      .expect(200);
    expect(body.data).toEqual([
      { technicalName: 'firstname', label: 'First name', builtIn: true },
      { technicalName: 'lastname', label: 'Last name', builtIn: true },
      { technicalName: 'email', label: 'Email', builtIn: true },
      { technicalName: 'phone', label: 'Phone', builtIn: true },
      { technicalName: 'deliveryType', label: 'Delivery type', builtIn: false },
    ]);
    await request(app.server).get('/clearon/mapping-variable-options').expect(401);
  });
});
