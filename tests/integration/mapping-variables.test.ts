import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import {
  authHeader,
  createAdminWithPermissions,
  createSuperAdmin,
  type TestAdmin,
} from '../harness/admin';
import { ensureDeliveryTypeVariable, formCampaign } from '../fixtures/campaigns';
import { getService } from '../../server/src/utils/get-service';
import { MappingVariableInUseError } from '../../server/src/services/mapping-variables';

const READ = 'plugin::clearon.settings.read';
const UPDATE = 'plugin::clearon.settings.update';
const BUILT_INS = ['firstname', 'lastname', 'email', 'phone'];
const VIEW_KEYS = ['availableInForms', 'builtIn', 'id', 'label', 'technicalName', 'type'];

describe('ClearOn mapping variables (admin API)', () => {
  let app: TestApp;
  let admin: TestAdmin;
  let counter = 0;

  const api = () => request(app.server);
  const post = (body: unknown, token = admin.token) =>
    api()
      .post('/clearon/mapping-variables')
      .set(authHeader(token))
      .send(body as object);
  const put = (id: string, body: unknown, token = admin.token) =>
    api()
      .put(`/clearon/mapping-variables/${id}`)
      .set(authHeader(token))
      .send(body as object);
  const del = (id: string, token = admin.token) =>
    api().delete(`/clearon/mapping-variables/${id}`).set(authHeader(token));
  const list = async () =>
    (await api().get('/clearon/mapping-variables').set(authHeader(admin.token)).expect(200)).body
      .data as Array<Record<string, unknown>>;

  /** A fresh, unique technical name. */
  const uniqueName = (base = 'var') => `${base}${++counter}`;
  const create = async (overrides: Record<string, unknown> = {}) =>
    (
      await post({
        label: 'Delivery type',
        technicalName: uniqueName(),
        type: 'answer',
        ...overrides,
      }).expect(201)
    ).body.data as { id: string; technicalName: string; label: string };

  /** Expects Strapi's standard 400 whose errors include one on `field`; returns its message. */
  const refused = async (response: request.Response, field: string) => {
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: expect.any(String),
        details: { errors: expect.any(Array) },
      },
    });
    const error = (
      response.body.error.details.errors as Array<{ path: string[]; message: string }>
    ).find(({ path }) => path.join('.') === field);
    expect(error).toEqual(expect.objectContaining({ path: [field], message: expect.any(String) }));
    expect(response.body.error.message).toContain(error!.message);
    return error!.message;
  };

  beforeAll(async () => {
    app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    admin = await createSuperAdmin(app);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  }, 60_000);

  describe('list', () => {
    it('lists the built-in CRM variables first, flagged builtIn and not stored', async () => {
      const data = await list();
      expect(data.slice(0, 4)).toEqual(
        BUILT_INS.map((technicalName) => ({
          id: technicalName,
          label: expect.any(String),
          technicalName,
          type: 'answer',
          availableInForms: true,
          builtIn: true,
        }))
      );
      expect(await app.strapi.db.query('plugin::clearon.mapping-variable').count()).toBe(0);
    });

    it('lists created variables after the built-ins, in creation order', async () => {
      const a = await create({ label: 'A' });
      const b = await create({ label: 'B', type: 'opt-in', availableInForms: false });
      const data = await list();
      const ids = data.map(({ id }) => id);
      expect(ids.indexOf(a.id)).toBeGreaterThan(3);
      expect(ids.indexOf(b.id)).toBe(ids.indexOf(a.id) + 1);
      expect(data.find(({ id }) => id === b.id)).toEqual({
        id: b.id,
        label: 'B',
        technicalName: b.technicalName,
        type: 'opt-in',
        availableInForms: false,
        builtIn: false,
      });
    });

    it('reads one variable, a built-in, and answers 404 for an unknown id', async () => {
      const created = await create();
      const one = await api()
        .get(`/clearon/mapping-variables/${created.id}`)
        .set(authHeader(admin.token))
        .expect(200);
      expect(one.body.data).toEqual(expect.objectContaining({ id: created.id, builtIn: false }));
      const builtIn = await api()
        .get('/clearon/mapping-variables/email')
        .set(authHeader(admin.token))
        .expect(200);
      expect(builtIn.body.data).toEqual(expect.objectContaining({ id: 'email', builtIn: true }));
      await api()
        .get('/clearon/mapping-variables/nosuchdocumentid000000000')
        .set(authHeader(admin.token))
        .expect(404);
    });
  });

  describe('create', () => {
    it('creates a variable and answers 201 with the view (availableInForms defaults to true)', async () => {
      const technicalName = uniqueName('deliveryType');
      const response = await post({
        label: '  Delivery type  ',
        technicalName,
        type: 'answer',
      }).expect(201);
      expect(Object.keys(response.body.data).sort()).toEqual(VIEW_KEYS);
      expect(response.body.data).toEqual({
        id: expect.stringMatching(/^[a-z0-9]{20,}$/),
        label: 'Delivery type',
        technicalName,
        type: 'answer',
        availableInForms: true,
        builtIn: false,
      });
    });

    it.each([
      [{ technicalName: 'x1', type: 'answer' }, 'label', /is required/],
      [{ label: '   ', technicalName: 'x2', type: 'answer' }, 'label', /must not be empty/],
      [{ label: 'a'.repeat(101), technicalName: 'x3', type: 'answer' }, 'label', /at most 100/],
      [{ label: 42, technicalName: 'x4', type: 'answer' }, 'label', /must be text/],
      [{ label: 'L', type: 'answer' }, 'technicalName', /is required/],
      [{ label: 'L', technicalName: '', type: 'answer' }, 'technicalName', /must not be empty/],
      [{ label: 'L', technicalName: 'delivery type', type: 'answer' }, 'technicalName', /letter/],
      [
        { label: 'L', technicalName: '1st', type: 'answer' },
        'technicalName',
        /start with a letter/,
      ],
      [{ label: 'L', technicalName: 'opt-in', type: 'answer' }, 'technicalName', /underscores/],
      [
        { label: 'L', technicalName: 'b'.repeat(65), type: 'answer' },
        'technicalName',
        /at most 64/,
      ],
      [{ label: 'L', technicalName: 'x5' }, 'type', /is required/],
      [{ label: 'L', technicalName: 'x6', type: 'Answer' }, 'type', /answer, opt-in/],
      [
        { label: 'L', technicalName: 'x7', type: 'answer', availableInForms: 'yes' },
        'availableInForms',
        /true or false/,
      ],
      [
        { label: 'L', technicalName: 'x8', type: 'answer', builtIn: true },
        'builtIn',
        /not a field/,
      ],
    ])('refuses %j with a 400 on %s', async (body, field, pattern) => {
      expect(await refused(await post(body), field)).toMatch(pattern);
    });

    it('accepts a 64-character technical name and a 100-character label', async () => {
      await post({ label: 'l'.repeat(100), technicalName: 'T'.repeat(64), type: 'opt-in' }).expect(
        201
      );
    });

    it('refuses a technical name already taken, whatever the case', async () => {
      const taken = await create({ technicalName: uniqueName('newsLetter') });
      for (const technicalName of [taken.technicalName, taken.technicalName.toUpperCase()]) {
        const message = await refused(
          await post({ label: 'Other', technicalName, type: 'answer' }),
          'technicalName'
        );
        expect(message).toMatch(/already used/);
      }
    });

    it.each(['email', 'Phone', 'FIRSTNAME', 'lastname'])(
      'refuses the built-in name %s',
      async (technicalName) => {
        const message = await refused(
          await post({ label: 'Mine', technicalName, type: 'answer' }),
          'technicalName'
        );
        expect(message).toMatch(/built-in/);
      }
    );

    it('refuses a body that is not an object', async () => {
      const response = await post([1, 2]);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('ValidationError');
    });
  });

  describe('update', () => {
    it('changes the label and availableInForms', async () => {
      const created = await create();
      const response = await put(created.id, {
        label: 'Renamed',
        availableInForms: false,
      }).expect(200);
      expect(response.body.data).toEqual(
        expect.objectContaining({
          id: created.id,
          label: 'Renamed',
          technicalName: created.technicalName,
          availableInForms: false,
        })
      );
    });

    it('accepts technicalName and type sent back unchanged', async () => {
      const created = await create({ type: 'opt-in' });
      const response = await put(created.id, {
        label: 'Same',
        technicalName: created.technicalName,
        type: 'opt-in',
        availableInForms: true,
      }).expect(200);
      expect(response.body.data).toEqual(
        expect.objectContaining({ label: 'Same', type: 'opt-in' })
      );
    });

    it('refuses a change of technicalName', async () => {
      const created = await create();
      const message = await refused(
        await put(created.id, { technicalName: `${created.technicalName}x` }),
        'technicalName'
      );
      expect(message).toBe('technicalName cannot change after creation');
      expect((await list()).find(({ id }) => id === created.id)?.technicalName).toBe(
        created.technicalName
      );
    });

    it('refuses a change of type', async () => {
      const created = await create({ type: 'answer' });
      const message = await refused(await put(created.id, { type: 'opt-in' }), 'type');
      expect(message).toBe('type cannot change after creation');
    });

    it('refuses unknown keys and bad values', async () => {
      const created = await create();
      expect(await refused(await put(created.id, { id: 'other' }), 'id')).toMatch(/not a field/);
      expect(await refused(await put(created.id, { label: '' }), 'label')).toMatch(/empty/);
      expect(await refused(await put(created.id, { label: null }), 'label')).toMatch(/text/);
    });

    it('refuses to change a built-in and answers 404 for an unknown id', async () => {
      expect(await refused(await put('email', { label: 'Mail' }), 'technicalName')).toMatch(
        /built-in/
      );
      await put('nosuchdocumentid000000000', { label: 'X' }).expect(404);
    });
  });

  describe('delete', () => {
    it('deletes an unused variable', async () => {
      const created = await create();
      const response = await del(created.id).expect(200);
      expect(response.body.data).toEqual(expect.objectContaining({ id: created.id }));
      expect((await list()).some(({ id }) => id === created.id)).toBe(false);
      await del(created.id).expect(404);
    });

    it('refuses a built-in', async () => {
      expect(await refused(await del('phone'), 'technicalName')).toMatch(/built-in/);
    });

    it('refuses (409, naming the campaigns) while a campaign form field uses it', async () => {
      await ensureDeliveryTypeVariable(app.strapi); // the form fixture binds its delivery choice to it
      const variable = await create({ technicalName: uniqueName('favouriteColour') });
      const campaigns = app.strapi.documents('plugin::clearon.campaign');
      const withField = (title: string, slug: string, mappingVariable: string) => ({
        ...formCampaign(slug, null),
        title,
        fields: [
          ...formCampaign(slug, null).fields,
          { key: 'colour', label: 'Colour', type: 'text', mappingVariable },
        ],
      });
      // Published (draft + published rows) and draft-only; the case of the reference is ignored.
      const summer = (await campaigns.create({
        data: withField('Summer draw', uniqueName('summer'), variable.technicalName),
        status: 'published',
      } as never)) as unknown as { documentId: string };
      await campaigns.create({
        data: withField('Autumn quiz', uniqueName('autumn'), variable.technicalName.toUpperCase()),
      } as never);

      const response = await del(variable.id).expect(409);
      expect(response.body).toEqual({
        data: null,
        error: {
          status: 409,
          name: 'ConflictError',
          message: expect.stringContaining(variable.technicalName),
          details: {
            campaigns: [
              { id: expect.any(String), title: 'Autumn quiz' },
              { id: summer.documentId, title: 'Summer draw' },
            ],
          },
        },
      });
      expect(response.body.error.message).toContain('"Summer draw"');
      expect(response.body.error.message).toContain('"Autumn quiz"');
      expect((await list()).some(({ id }) => id === variable.id)).toBe(true);
    });

    it('deletes once the campaign form no longer uses it', async () => {
      await ensureDeliveryTypeVariable(app.strapi); // the form fixture binds its delivery choice to it
      const variable = await create();
      const campaigns = app.strapi.documents('plugin::clearon.campaign');
      const slug = uniqueName('winter');
      const campaign = (await campaigns.create({
        data: {
          ...formCampaign(slug, null),
          title: 'Winter',
          fields: [
            ...formCampaign(slug, null).fields,
            { key: 'extra', label: 'Extra', type: 'text', mappingVariable: variable.technicalName },
          ],
        },
      } as never)) as unknown as { documentId: string };
      const conflict = await del(variable.id).expect(409);
      expect(conflict.body.error.message).toMatch(/the campaign "Winter"/);

      await campaigns.update({
        documentId: campaign.documentId,
        data: { fields: formCampaign(slug, null).fields },
      } as never);
      await del(variable.id).expect(200);
    });
  });

  describe('service helpers', () => {
    it('findByTechnicalName finds built-ins and stored variables, exactly or ignoring case', async () => {
      const service = getService(app.strapi, 'mapping-variables');
      const created = await create({ technicalName: uniqueName('optInNews'), type: 'opt-in' });
      expect(await service.findByTechnicalName(created.technicalName)).toEqual(
        expect.objectContaining({ id: created.id, type: 'opt-in', builtIn: false })
      );
      expect(await service.findByTechnicalName(created.technicalName.toLowerCase())).toBeNull();
      expect(
        await service.findByTechnicalName(created.technicalName.toLowerCase(), { ignoreCase: true })
      ).toEqual(expect.objectContaining({ id: created.id }));
      expect(await service.findByTechnicalName('email')).toEqual(
        expect.objectContaining({ builtIn: true })
      );
      expect(await service.findByTechnicalName('nothing')).toBeNull();
    });

    it('assertNotInUse throws MappingVariableInUseError naming the campaigns', async () => {
      await ensureDeliveryTypeVariable(app.strapi); // the form fixture binds its delivery choice to it
      const service = getService(app.strapi, 'mapping-variables');
      const name = uniqueName('spring');
      await service.create({
        label: 'Spring',
        technicalName: name,
        type: 'answer',
        availableInForms: true,
      });
      await expect(service.assertNotInUse(name)).resolves.toBeUndefined();
      await app.strapi.documents('plugin::clearon.campaign').create({
        data: {
          ...formCampaign(name, null),
          title: 'Spring',
          fields: [{ key: 'email', label: 'Email', type: 'email', mappingVariable: name }],
        },
      } as never);
      const error = await service.assertNotInUse(name).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MappingVariableInUseError);
      expect((error as MappingVariableInUseError).campaigns).toEqual([
        { id: expect.any(String), title: 'Spring' },
      ]);
    });
  });

  describe('permissions', () => {
    let reader: TestAdmin;
    let writer: TestAdmin;
    let nobody: TestAdmin;

    beforeAll(async () => {
      reader = await createAdminWithPermissions(app, [READ]);
      writer = await createAdminWithPermissions(app, [READ, UPDATE]);
      nobody = await createAdminWithPermissions(app, []);
    });

    it('requires an admin session', async () => {
      await api().get('/clearon/mapping-variables').expect(401);
      await api()
        .post('/clearon/mapping-variables')
        .send({ label: 'L', technicalName: 'anon', type: 'answer' })
        .expect(401);
    });

    it('needs settings.read to read', async () => {
      await api().get('/clearon/mapping-variables').set(authHeader(nobody.token)).expect(403);
      await api().get('/clearon/mapping-variables').set(authHeader(reader.token)).expect(200);
    });

    it('needs settings.update to write', async () => {
      const created = await create();
      const body = { label: 'L', technicalName: uniqueName('perm'), type: 'answer' };
      await post(body, reader.token).expect(403);
      await put(created.id, { label: 'X' }, reader.token).expect(403);
      await del(created.id, reader.token).expect(403);
      const made = await post(body, writer.token).expect(201);
      await put(made.body.data.id, { label: 'Y' }, writer.token).expect(200);
      await del(made.body.data.id, writer.token).expect(200);
    });
  });
});
