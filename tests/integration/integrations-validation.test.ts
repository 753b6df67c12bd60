import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createSuperAdmin } from '../harness/admin';

const API_KEY = 'validation-secret-key-8a7b6c';

/** Validation of the integration routes, on a Strapi where allowPrivateHosts is off (production). */
describe('ClearOn integration validation (allowPrivateHosts: false)', () => {
  let app: TestApp;
  let token: string;

  const valid = (overrides: Record<string, unknown> = {}) => ({
    name: 'ClearOn production',
    endpoint: 'https://api.clearon.example/v1/coupons',
    apiKey: API_KEY,
    ...overrides,
  });
  const post = (body: unknown) =>
    request(app.server)
      .post('/clearon/integrations')
      .set(authHeader(token))
      .send(body as object);

  /** Expects Strapi's standard 400 whose (first) error names `field`; returns that message. */
  const refused = async (body: unknown, field: string) => {
    const response = await post(body).expect(400);
    expect(response.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: expect.any(String),
        details: {
          errors: [expect.objectContaining({ path: [field], message: expect.any(String) })],
        },
      },
    });
    const [error] = response.body.error.details.errors;
    expect(error.message.startsWith(`${field} `)).toBe(true);
    expect(response.body.error.message).toContain(error.message);
    // A refused request never echoes the key back.
    expect(response.text).not.toContain(API_KEY);
    return error.message as string;
  };

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { allowPrivateHosts: false, worker: { enabled: false } },
    });
    token = (await createSuperAdmin(app)).token;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  }, 60_000);

  describe('endpoint', () => {
    it('accepts a public https:// URL', async () => {
      const response = await post(valid()).expect(201);
      expect(response.body.data.endpoint).toBe('https://api.clearon.example/v1/coupons');
    });

    it('refuses plain http:// while allowPrivateHosts is off', async () => {
      const message = await refused(
        valid({ endpoint: 'http://api.clearon.example/v1' }),
        'endpoint'
      );
      expect(message).toMatch(/must use https:\/\/.*allowPrivateHosts/);
    });

    it.each(['ftp://api.clearon.example/coupons', 'file:///etc/passwd', 'javascript:alert(1)'])(
      'refuses the scheme of %s',
      async (endpoint) => {
        expect(await refused(valid({ endpoint }), 'endpoint')).toMatch(
          /must start with https:\/\//
        );
      }
    );

    it.each(['/v1/coupons', 'api.clearon.example/v1', 'not a url', ''])(
      'refuses the relative or malformed URL %j',
      async (endpoint) => {
        expect(await refused(valid({ endpoint }), 'endpoint')).toMatch(
          endpoint === '' ? /endpoint is required/ : /must be an absolute URL/
        );
      }
    );

    it.each(['https://user:secret@api.clearon.example/v1', 'https://:secret@api.clearon.example/'])(
      'refuses credentials in the URL %s',
      async (endpoint) => {
        expect(await refused(valid({ endpoint }), 'endpoint')).toMatch(
          /must not contain a user name or password/
        );
      }
    );

    it.each([
      'https://127.0.0.1/v1',
      'https://127.8.9.10/v1',
      'https://10.0.0.5/v1',
      'https://172.16.0.1/v1',
      'https://172.31.255.254/v1',
      'https://192.168.1.20/v1',
      'https://169.254.169.254/latest/meta-data',
      'https://0.0.0.0/',
      'https://2130706433/',
      'https://[::1]/v1',
      'https://[fd12:3456::1]/v1',
      'https://[fe80::1]/v1',
      'https://[::ffff:127.0.0.1]/v1',
      'https://localhost:8443/v1',
      'https://clearon.localhost/v1',
      // Special-purpose ranges and the IPv6 forms that carry a private IPv4 address.
      'https://100.64.0.1/v1',
      'https://192.0.2.10/v1',
      'https://224.0.0.1/v1',
      'https://255.255.255.255/v1',
      'https://[2001:db8::1]/v1',
      'https://[64:ff9b::a00:1]/v1',
      'https://[2002:a00:1::1]/v1',
      'https://[ff02::1]/v1',
    ])('refuses the private, loopback or link-local host of %s', async (endpoint) => {
      expect(await refused(valid({ endpoint }), 'endpoint')).toMatch(
        /must not point to a private, loopback or link-local address/
      );
    });

    it.each([
      'https://172.32.0.1/v1',
      'https://8.8.8.8/v1',
      'https://[2606:4700:4700::1111]/v1',
      'https://[::ffff:8.8.8.8]/v1',
    ])('accepts the public address %s', async (endpoint) => {
      await post(valid({ endpoint })).expect(201);
    });
  });

  describe('timeoutMs', () => {
    it.each([499, 30001, 1.5, 'abc', '1000', -1, null])('refuses %j', async (timeoutMs) => {
      expect(await refused(valid({ timeoutMs }), 'timeoutMs')).toBe(
        'timeoutMs must be a whole number of milliseconds from 500 to 30000'
      );
    });

    it.each([500, 30000])('accepts %j', async (timeoutMs) => {
      const response = await post(valid({ timeoutMs })).expect(201);
      expect(response.body.data.timeoutMs).toBe(timeoutMs);
    });

    it('defaults to 5000', async () => {
      expect((await post(valid()).expect(201)).body.data.timeoutMs).toBe(5000);
    });
  });

  describe('name', () => {
    it.each([
      ['', /name is required|name must not be empty/],
      ['    ', /name must not be empty/],
      ['x'.repeat(101), /name must be at most 100 characters/],
      [42, /name must be text/],
    ])('refuses %j', async (name, message) => {
      expect(await refused(valid({ name }), 'name')).toMatch(message);
    });

    it('accepts 100 characters, and trims', async () => {
      const name = 'n'.repeat(100);
      const response = await post(valid({ name: `  ${name}  ` })).expect(201);
      expect(response.body.data.name).toBe(name);
    });

    it('is required', async () => {
      const { name: _name, ...body } = valid();
      expect(await refused(body, 'name')).toBe('name is required');
    });
  });

  describe('apiKey, authHeaderName, booleans, unknown fields', () => {
    it('requires apiKey on create', async () => {
      const { apiKey: _apiKey, ...body } = valid();
      expect(await refused(body, 'apiKey')).toBe('apiKey is required');
    });

    it.each([
      [`${API_KEY}\r\nX-Injected: 1`, /must not contain line breaks/],
      [`${API_KEY}\n`, /must not contain line breaks/],
      [`${API_KEY}\u0000`, /only printable characters/],
      ['k'.repeat(4097), /at most 4096 characters/],
      ['   ', /must not be blank/],
    ])('refuses the apiKey %#', async (apiKey, message) => {
      expect(await refused(valid({ apiKey }), 'apiKey')).toMatch(message);
    });

    it('accepts an apiKey of 4096 characters', async () => {
      await post(valid({ apiKey: 'k'.repeat(4096) })).expect(201);
    });

    it.each(['X Api Key', 'X-Key:', 'Clé', ''])('refuses the header name %j', async (name) => {
      expect(await refused(valid({ authHeaderName: name }), 'authHeaderName')).toMatch(
        /must be a valid HTTP header name/
      );
    });

    it('refuses a header the plugin sets itself', async () => {
      expect(await refused(valid({ authHeaderName: 'Content-Type' }), 'authHeaderName')).toMatch(
        /the plugin sets that header itself/
      );
    });

    it('accepts a custom header name', async () => {
      const response = await post(valid({ authHeaderName: 'X-Api-Key' })).expect(201);
      expect(response.body.data.authHeaderName).toBe('X-Api-Key');
    });

    it.each(['enabled', 'isDefault'])('refuses a non-boolean %s', async (field) => {
      expect(await refused(valid({ [field]: 'yes' }), field)).toBe(
        `${field} must be true or false`
      );
    });

    it.each(['apiKeyCiphertext', 'lastCheckStatus', 'id', 'documentId'])(
      'refuses the unknown field %s',
      async (field) => {
        expect(await refused(valid({ [field]: 'x' }), field)).toMatch(
          new RegExp(`^${field} is not a field of a ClearOn integration`)
        );
      }
    );

    it('refuses a body that is not an object', async () => {
      const response = await post([valid()]).expect(400);
      expect(response.body.error.message).toBe('The request body must be a JSON object');
    });

    it('reports every problem at once', async () => {
      const response = await post({ name: '', endpoint: 'ftp://x', timeoutMs: 1 }).expect(400);
      const paths = response.body.error.details.errors.map((e: { path: string[] }) => e.path[0]);
      expect(paths.sort()).toEqual(['apiKey', 'endpoint', 'name', 'timeoutMs']);
    });
  });

  describe('updates', () => {
    let id: string;

    beforeAll(async () => {
      id = (await post(valid({ name: 'To update' })).expect(201)).body.data.id;
    });

    const put = (body: unknown) =>
      request(app.server)
        .put(`/clearon/integrations/${id}`)
        .set(authHeader(token))
        .send(body as object);

    it.each([
      [{ endpoint: 'http://api.clearon.example' }, 'endpoint'],
      [{ endpoint: 'https://10.1.1.1/' }, 'endpoint'],
      [{ timeoutMs: 30001 }, 'timeoutMs'],
      [{ name: ' ' }, 'name'],
      [{ name: null }, 'name'],
      [{ apiKey: 'a\r\nb' }, 'apiKey'],
      [{ lastCheck: null }, 'lastCheck'],
    ])('refuses %j naming %s', async (body, field) => {
      const response = await put(body).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
    });

    it('applies a valid partial update and keeps the other fields', async () => {
      const response = await put({ timeoutMs: 750, enabled: false }).expect(200);
      expect(response.body.data).toMatchObject({
        name: 'To update',
        timeoutMs: 750,
        enabled: false,
        apiKeySet: true,
      });
    });
  });

  describe('Test connection', () => {
    it('refuses to call an endpoint the current config forbids, and says why', async () => {
      // Saved while private hosts were allowed (e.g. before the option was turned off).
      const view = await app.strapi
        .plugin('clearon')
        .service('integrations')
        .create({ name: 'Old local', endpoint: 'http://127.0.0.1:9/v1', apiKey: API_KEY });
      const response = await request(app.server)
        .post(`/clearon/integrations/${view.id}/test`)
        .set(authHeader(token))
        .send({ couponCode: 'SUMMER10' })
        .expect(200);
      expect(response.body.data).toMatchObject({
        status: 'error',
        message: expect.stringMatching(/^The endpoint must use https:\/\//),
        integration: { lastCheck: { status: 'failing' } },
      });
      expect(response.text).not.toContain(API_KEY);
    });
  });
});
