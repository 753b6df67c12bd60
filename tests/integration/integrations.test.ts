import net from 'net';
import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { bootStrapi, type TestApp } from '../harness/strapi';
import {
  authHeader,
  createAdminWithPermissions,
  createSuperAdmin,
  type TestAdmin,
} from '../harness/admin';

const API_KEY = 'test-key';
const NEW_API_KEY = 'rotated-secret-key-2f9c1d';
const WRONG_KEY = 'wrong-key-7d1e0b';
const SECRETS = [API_KEY, NEW_API_KEY, WRONG_KEY];

const VIEW_KEYS = [
  'apiKeySet',
  'authHeaderName',
  'createdAt',
  'enabled',
  'endpoint',
  'id',
  'isDefault',
  'lastCheck',
  'name',
  'timeoutMs',
  'updatedAt',
];

/** A port nothing listens on. */
const closedPort = async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

const expectNoSecret = (response: { text: string }) => {
  for (const secret of SECRETS) expect(response.text).not.toContain(secret);
  // Neither the ciphertext nor an `apiKey` property (a validation error's path ["apiKey"] is fine).
  expect(response.text).not.toMatch(/apiKeyCiphertext|"apiKey":|"v1:[^"]*:[^"]*:[^"]*"/);
};

describe('ClearOn integrations (admin API)', () => {
  let app: TestApp;
  let simulator: Simulator;
  let admin: TestAdmin;
  const logged: string[] = [];

  const api = () => request(app.server);
  const as = (token: string) => authHeader(token);
  const post = (body: unknown) =>
    api()
      .post('/clearon/integrations')
      .set(as(admin.token))
      .send(body as object);
  const put = (id: string, body: unknown) =>
    api()
      .put(`/clearon/integrations/${id}`)
      .set(as(admin.token))
      .send(body as object);
  const testConnection = (id: string, couponCode: unknown) =>
    api().post(`/clearon/integrations/${id}/test`).set(as(admin.token)).send({ couponCode });
  const storedRow = async (documentId: string) =>
    (await app.strapi.db
      .connection('clearon_integrations')
      .where({ document_id: documentId })
      .first()) as { api_key_ciphertext: string; is_default: unknown };
  const defaults = async () =>
    (
      (await app.strapi.db
        .query('plugin::clearon.integration')
        .findMany({ where: { isDefault: true }, select: ['documentId'] })) as Array<{
        documentId: string;
      }>
    ).map((row) => row.documentId);
  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await post({
      name: 'Simulator',
      endpoint: simulator.endpoint,
      apiKey: API_KEY,
      ...overrides,
    }).expect(201);
    expectNoSecret(response);
    return response.body.data as { id: string; isDefault: boolean } & Record<string, unknown>;
  };

  beforeAll(async () => {
    simulator = await startSimulator({ apiKeys: [API_KEY, NEW_API_KEY] });
    app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    for (const level of ['error', 'warn', 'info', 'http', 'debug', 'verbose'] as const) {
      const original = app.strapi.log[level].bind(app.strapi.log);
      jest.spyOn(app.strapi.log, level).mockImplementation(((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? a.stack : JSON.stringify(a))).join(' '));
        return (original as (...a: unknown[]) => unknown)(...args);
      }) as never);
    }
    admin = await createSuperAdmin(app);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  }, 60_000);

  describe('create, read, update', () => {
    let id: string;

    it('creates the first integration as the default and answers 201 without the key', async () => {
      const response = await post({
        name: '  Simulator  ',
        endpoint: simulator.endpoint,
        apiKey: API_KEY,
        timeoutMs: 4000,
      }).expect(201);
      expectNoSecret(response);
      const view = response.body.data;
      expect(Object.keys(view).sort()).toEqual(VIEW_KEYS);
      expect(view).toMatchObject({
        name: 'Simulator',
        endpoint: simulator.endpoint,
        authHeaderName: 'Authorization',
        timeoutMs: 4000,
        enabled: true,
        isDefault: true,
        apiKeySet: true,
        lastCheck: null,
      });
      expect(typeof view.id).toBe('string');
      expect(Date.parse(view.createdAt)).not.toBeNaN();
      id = view.id;
    });

    it('stores the key encrypted: the column is not the key and decrypts back to it', async () => {
      const row = await storedRow(id);
      expect(row.api_key_ciphertext).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
      expect(row.api_key_ciphertext).not.toContain(API_KEY);
      expect(
        app.strapi.plugin('clearon').service('secret-box').decrypt(row.api_key_ciphertext)
      ).toBe(API_KEY);
      const target = await app.strapi.plugin('clearon').service('integrations').resolveTarget(id);
      expect(target).toEqual({
        documentId: id,
        name: 'Simulator',
        endpoint: simulator.endpoint,
        authHeaderName: 'Authorization',
        apiKey: API_KEY,
        timeoutMs: 4000,
        enabled: true,
      });
    });

    it('lists and reads integrations without the key', async () => {
      const list = await api().get('/clearon/integrations').set(as(admin.token)).expect(200);
      expectNoSecret(list);
      expect(list.body.data).toEqual([expect.objectContaining({ id, apiKeySet: true })]);
      const one = await api().get(`/clearon/integrations/${id}`).set(as(admin.token)).expect(200);
      expectNoSecret(one);
      expect(one.body.data).toEqual(list.body.data[0]);
    });

    it('keeps the stored key when an update has no apiKey, or an empty one', async () => {
      const before = (await storedRow(id)).api_key_ciphertext;
      const renamed = await put(id, { name: 'Renamed', timeoutMs: 6000 }).expect(200);
      expectNoSecret(renamed);
      expect(renamed.body.data).toMatchObject({
        name: 'Renamed',
        timeoutMs: 6000,
        apiKeySet: true,
      });
      await put(id, { apiKey: '' }).expect(200);
      expect((await storedRow(id)).api_key_ciphertext).toBe(before);
      const target = await app.strapi.plugin('clearon').service('integrations').resolveTarget(id);
      expect(target.apiKey).toBe(API_KEY);
    });

    it('replaces the key when an update carries a new one', async () => {
      const before = (await storedRow(id)).api_key_ciphertext;
      const response = await put(id, { apiKey: NEW_API_KEY }).expect(200);
      expectNoSecret(response);
      const after = (await storedRow(id)).api_key_ciphertext;
      expect(after).not.toBe(before);
      expect(after).not.toContain(NEW_API_KEY);
      const target = await app.strapi.plugin('clearon').service('integrations').resolveTarget(id);
      expect(target.apiKey).toBe(NEW_API_KEY);
    });

    it('answers 404 for an unknown id on every route', async () => {
      const auth = as(admin.token);
      await api().get('/clearon/integrations/nope').set(auth).expect(404);
      await api().put('/clearon/integrations/nope').set(auth).send({ name: 'x' }).expect(404);
      await api().delete('/clearon/integrations/nope').set(auth).expect(404);
      const tested = await api()
        .post('/clearon/integrations/nope/test')
        .set(auth)
        .send({ couponCode: 'SUMMER10' })
        .expect(404);
      expect(tested.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    });

    it('refuses an invalid update with a 400 naming the field', async () => {
      const response = await put(id, { timeoutMs: 499, apiKey: `${NEW_API_KEY}\r\nX: y` }).expect(
        400
      );
      expectNoSecret(response);
      const paths = response.body.error.details.errors.map((e: { path: string[] }) => e.path);
      expect(paths).toEqual([['apiKey'], ['timeoutMs']]);
    });
  });

  describe('the default integration', () => {
    let first: string;
    let second: string;
    let third: string;

    beforeAll(async () => {
      const list = await api().get('/clearon/integrations').set(as(admin.token)).expect(200);
      for (const { id } of list.body.data as Array<{ id: string }>) {
        await api().delete(`/clearon/integrations/${id}`).set(as(admin.token)).expect(200);
      }
      expect(await defaults()).toEqual([]);
    });

    it('makes the first one the default, and only it', async () => {
      first = (await create({ name: 'First' })).id;
      second = (await create({ name: 'Second' })).id;
      expect(await defaults()).toEqual([first]);
    });

    it('moves the default to one created with isDefault: true', async () => {
      const created = await create({ name: 'Third', isDefault: true });
      third = created.id;
      expect(created.isDefault).toBe(true);
      expect(await defaults()).toEqual([third]);
    });

    it('moves the default to one updated with isDefault: true', async () => {
      const response = await put(second, { isDefault: true }).expect(200);
      expect(response.body.data.isDefault).toBe(true);
      expect(await defaults()).toEqual([second]);
      const list = await api().get('/clearon/integrations').set(as(admin.token)).expect(200);
      expect(
        list.body.data.map((v: { id: string; isDefault: boolean }) => [v.id, v.isDefault])
      ).toEqual([
        [first, false],
        [second, true],
        [third, false],
      ]);
    });

    it('refuses to turn isDefault off on the default', async () => {
      const response = await put(second, { isDefault: false }).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['isDefault']);
      expect(response.body.error.message).toMatch(/make another integration the default/);
      expect(await defaults()).toEqual([second]);
    });

    it('resolves a null target to the default integration', async () => {
      const target = await app.strapi.plugin('clearon').service('integrations').resolveTarget(null);
      expect(target.documentId).toBe(second);
      expect(target.apiKey).toBe(API_KEY);
    });

    it('promotes the oldest enabled integration when the default is deleted', async () => {
      await put(first, { enabled: false }).expect(200);
      const deleted = await api()
        .delete(`/clearon/integrations/${second}`)
        .set(as(admin.token))
        .expect(200);
      expectNoSecret(deleted);
      expect(deleted.body.data).toMatchObject({ id: second, isDefault: true });
      expect(await defaults()).toEqual([third]);
      await api().get(`/clearon/integrations/${second}`).set(as(admin.token)).expect(404);
    });

    it('deleting a non-default integration leaves the default alone', async () => {
      await api().delete(`/clearon/integrations/${first}`).set(as(admin.token)).expect(200);
      expect(await defaults()).toEqual([third]);
    });

    it('refuses (409) to delete an integration that pending coupons wait on', async () => {
      const coupon = await app.strapi.documents('plugin::clearon.coupon').create({
        data: {
          integration: third,
          reference: 'cl_delete_guard',
          couponCode: 'SUMMER10',
          validityDays: 30,
          delivery: 'button',
          channel: 'none',
          status: 'pending',
        },
      } as never);
      const refused = await api()
        .delete(`/clearon/integrations/${third}`)
        .set(as(admin.token))
        .expect(409);
      expect(refused.body.error).toMatchObject({
        status: 409,
        name: 'ConflictError',
        details: { pendingCoupons: 1 },
      });
      expect(refused.body.error.message).toMatch(/1 pending coupon/);
      await app.strapi
        .documents('plugin::clearon.coupon')
        .update({ documentId: coupon.documentId, data: { status: 'failed' } } as never);
      await api().delete(`/clearon/integrations/${third}`).set(as(admin.token)).expect(200);
      expect(await defaults()).toEqual([]);
      const fresh = await create({ name: 'Fresh start' });
      expect(fresh.isDefault).toBe(true);
    });
  });

  describe('Test connection', () => {
    let good: string;

    beforeAll(async () => {
      good = (await create({ name: 'Good key' })).id;
    });

    it('answers ok with the right key and a known coupon code, and records lastCheck', async () => {
      const sent = simulator.received.length;
      const response = await testConnection(good, 'SUMMER10').expect(200);
      expectNoSecret(response);
      expect(response.body.data).toMatchObject({
        status: 'ok',
        message: expect.stringContaining('SUMMER10'),
        integration: {
          id: good,
          lastCheck: { status: 'ok', message: expect.any(String), at: expect.any(String) },
        },
      });
      const requests = simulator.received.slice(sent);
      expect(requests).toHaveLength(1);
      expect(requests[0].body).toMatchObject({ couponCode: 'SUMMER10', dryRun: true });
      const stored = await api().get(`/clearon/integrations/${good}`).set(as(admin.token));
      expect(stored.body.data.lastCheck.status).toBe('ok');
      expect(Date.now() - Date.parse(stored.body.data.lastCheck.at)).toBeLessThan(60_000);
    });

    it('keeps lastCheck on a save that does not change the connection, drops it otherwise', async () => {
      const same = await put(good, { name: 'Good key', endpoint: simulator.endpoint }).expect(200);
      expect(same.body.data.lastCheck).toMatchObject({ status: 'ok' });
      const rekeyed = await put(good, { apiKey: API_KEY }).expect(200);
      expect(rekeyed.body.data.lastCheck).toBeNull();
    });

    it('answers unauthorized with a wrong key and records the integration as failing', async () => {
      const wrong = (await create({ name: 'Wrong key', apiKey: WRONG_KEY })).id;
      const response = await testConnection(wrong, 'SUMMER10').expect(200);
      expectNoSecret(response);
      expect(response.body.data.status).toBe('unauthorized');
      expect(response.body.data.message).toMatch(/API key/);
      expect(response.body.data.integration.lastCheck).toMatchObject({
        status: 'failing',
        message: response.body.data.message,
      });
    });

    it('answers unknown_coupon for a coupon code ClearOn does not know', async () => {
      const response = await testConnection(good, 'UNKNOWN-OFFER').expect(200);
      expectNoSecret(response);
      expect(response.body.data.status).toBe('unknown_coupon');
      expect(response.body.data.message).toContain('UNKNOWN-OFFER');
      // The key works: the integration itself is healthy.
      expect(response.body.data.integration.lastCheck.status).toBe('ok');
    });

    it('answers unreachable when nothing listens at the endpoint', async () => {
      const port = await closedPort();
      const down = (
        await create({
          name: 'Down',
          endpoint: `http://127.0.0.1:${port}/v1/coupons`,
          timeoutMs: 1000,
        })
      ).id;
      const response = await testConnection(down, 'SUMMER10').expect(200);
      expectNoSecret(response);
      expect(response.body.data.status).toBe('unreachable');
      expect(response.body.data.integration.lastCheck).toMatchObject({ status: 'failing' });
    });

    it('answers unreachable when ClearOn does not answer within the timeout', async () => {
      const slow = (await create({ name: 'Slow', timeoutMs: 500 })).id;
      simulator.setLatency(1500);
      try {
        const response = await testConnection(slow, 'SUMMER10').expect(200);
        expect(response.body.data.status).toBe('unreachable');
        expect(response.body.data.message).toMatch(/timeout/);
      } finally {
        simulator.setLatency(0);
      }
    });

    it.each([
      [undefined, /couponCode is required/],
      ['', /couponCode/],
      ['   ', /couponCode must not be empty/],
      ['X'.repeat(65), /couponCode must be at most 64 characters/],
      [42, /couponCode must be text/],
    ])('refuses the coupon code %j with a 400', async (couponCode, message) => {
      const response = await testConnection(good, couponCode).expect(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(response.body.error.details.errors[0].path).toEqual(['couponCode']);
      expect(response.body.error.details.errors[0].message).toMatch(message);
    });
  });

  describe('permissions (real non-super-admin users)', () => {
    let id: string;
    let nobody: TestAdmin;
    let reader: TestAdmin;
    let writer: TestAdmin;

    beforeAll(async () => {
      id = (await create({ name: 'Guarded' })).id;
      nobody = await createAdminWithPermissions(app, ['plugin::clearon.coupons.read']);
      reader = await createAdminWithPermissions(app, ['plugin::clearon.settings.read']);
      writer = await createAdminWithPermissions(app, [
        'plugin::clearon.settings.read',
        'plugin::clearon.settings.update',
      ]);
    });

    it('answers 401 without a token', async () => {
      await api().get('/clearon/integrations').expect(401);
      await api().post('/clearon/integrations').send({}).expect(401);
    });

    it('gives any admin the names (only) for the coupon modal', async () => {
      const { body, text } = await api()
        .get('/clearon/integration-options')
        .set(as(nobody.token))
        .expect(200);
      expect(body.data).toEqual(
        expect.arrayContaining([
          {
            id,
            name: expect.any(String),
            isDefault: expect.any(Boolean),
            enabled: expect.any(Boolean),
          },
        ])
      );
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain('endpoint');
      await api().get('/clearon/integration-options').expect(401);
    });

    it('answers 403 to an admin without settings.read', async () => {
      await api().get('/clearon/integrations').set(as(nobody.token)).expect(403);
      await api().get(`/clearon/integrations/${id}`).set(as(nobody.token)).expect(403);
    });

    it('lets an admin with only settings.read read, but not write or test', async () => {
      const list = await api().get('/clearon/integrations').set(as(reader.token)).expect(200);
      expectNoSecret(list);
      expect(list.body.data.map((v: { id: string }) => v.id)).toContain(id);
      await api().get(`/clearon/integrations/${id}`).set(as(reader.token)).expect(200);
      const body = { name: 'Nope', endpoint: simulator.endpoint, apiKey: API_KEY };
      await api().post('/clearon/integrations').set(as(reader.token)).send(body).expect(403);
      await api()
        .put(`/clearon/integrations/${id}`)
        .set(as(reader.token))
        .send({ name: 'Nope' })
        .expect(403);
      await api().delete(`/clearon/integrations/${id}`).set(as(reader.token)).expect(403);
      await api()
        .post(`/clearon/integrations/${id}/test`)
        .set(as(reader.token))
        .send({ couponCode: 'SUMMER10' })
        .expect(403);
      const unchanged = await api().get(`/clearon/integrations/${id}`).set(as(admin.token));
      expect(unchanged.body.data.name).toBe('Guarded');
    });

    it('lets an admin with settings.update write and test', async () => {
      await api()
        .put(`/clearon/integrations/${id}`)
        .set(as(writer.token))
        .send({ name: 'Guarded, renamed' })
        .expect(200);
      const tested = await api()
        .post(`/clearon/integrations/${id}/test`)
        .set(as(writer.token))
        .send({ couponCode: 'SUMMER10' })
        .expect(200);
      expect(tested.body.data.status).toBe('ok');
    });
  });

  it('never wrote an API key to the logs', () => {
    const all = logged.join('\n');
    // The spy saw the request log lines, so it would have seen a key too.
    expect(all).toMatch(/POST \/clearon\/integrations/);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});
