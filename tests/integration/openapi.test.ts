/**
 * docs/openapi.yaml says what the public API answers: real responses of a real Strapi (the demo's
 * campaigns, the ClearOn simulator) are validated against its schemas, and every documented
 * response of every route must have been seen.
 */
import fs from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { parse } from 'yaml';
import { startSimulator, type Simulator } from '../../simulator/src';
import { DEMO_FORM, DEMO_PERSONALITY, DEMO_QUIZ } from '../../playground/src/demo/campaigns';
import { createIntegration } from '../fixtures/integrations';
import { publishCampaign } from '../fixtures/campaigns';
import { ROOT_DIR } from '../harness/paths';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { waitFor } from '../harness/wait';
import { withPoolExhausted } from '../harness/pool';
import { getService } from '../../server/src/utils/get-service';

type Method = 'get' | 'post';
interface Operation {
  responses: Record<
    string,
    { $ref?: string; content?: Record<string, { schema: { $ref: string } }> }
  >;
}
interface OpenApi {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: {
    responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
  };
}

const spec = parse(fs.readFileSync(path.join(ROOT_DIR, 'docs', 'openapi.yaml'), 'utf8')) as OpenApi;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec as object, 'openapi');

const validator = (ref: string) => {
  const validate = ajv.getSchema(`openapi${ref}`);
  if (!validate) throw new Error(`no schema ${ref} in docs/openapi.yaml`);
  return validate;
};

/** The documented schema of the response `status` of `method path`. */
const responseSchema = (docPath: string, method: Method, status: number) => {
  const operation = spec.paths[docPath]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${docPath} is not in docs/openapi.yaml`);
  let response = operation.responses[String(status)];
  if (!response) {
    throw new Error(`${method.toUpperCase()} ${docPath} does not document the status ${status}`);
  }
  if (response.$ref) {
    response = spec.components.responses[response.$ref.split('/').pop() as string];
  }
  return response.content?.['application/json']?.schema.$ref as string;
};

const seen = new Set<string>();

/** Asserts that a real response matches the documented one, and records it as seen. */
const conforms = (
  docPath: string,
  method: Method,
  response: { status: number; body: unknown; headers: Record<string, string> }
) => {
  const validate = validator(responseSchema(docPath, method, response.status));
  if (!validate(response.body)) {
    throw new Error(
      `${method.toUpperCase()} ${docPath} ${response.status} does not match docs/openapi.yaml: ` +
        `${ajv.errorsText(validate.errors)}\n${JSON.stringify(response.body, null, 2)}`
    );
  }
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  seen.add(`${method} ${docPath} ${response.status}`);
};

describe('docs/openapi.yaml describes the public API', () => {
  let app: TestApp;
  let simulator: Simulator;
  const api = () => request(app.server);
  const participate = (slug: string, body: unknown) =>
    api()
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .send(body as object);

  beforeAll(async () => {
    simulator = await startSimulator();
    app = await bootStrapi({
      pluginConfig: {
        worker: { pollIntervalMs: 50, backoffBaseMs: 30, backoffMaxMs: 100, maxAttempts: 4 },
        buttonWaitMs: 0, // the first answer is `pending`: the polling path is exercised too
        rateLimit: {
          enabled: true,
          post: { points: 30, durationSec: 60 },
          get: { points: 300, durationSec: 60 },
        },
      },
      // The 503 test below holds every connection; a query then gives up after this long.
      env: { DATABASE_CONNECTION_TIMEOUT: '2000' },
    });
    await createIntegration(app, {
      name: 'Simulator',
      endpoint: simulator.endpoint,
      apiKey: 'test-key',
    });
    for (const campaign of [DEMO_FORM, DEMO_QUIZ, DEMO_PERSONALITY]) {
      await publishCampaign(app.strapi, campaign);
    }
    // A campaign that is over: listed nowhere, 404 everywhere.
    await publishCampaign(app.strapi, {
      ...DEMO_QUIZ,
      slug: 'closed-quiz',
      title: 'Closed quiz',
      startsAt: '2020-01-01T00:00:00.000Z',
      endsAt: '2020-02-01T00:00:00.000Z',
    });
  });

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  });

  it('documents a valid OpenAPI 3.1 document whose examples match their schemas', () => {
    expect((spec as unknown as { openapi: string }).openapi).toBe('3.1.0');
    const post = spec.paths['/campaigns/{slug}/participations'].post as unknown as {
      requestBody: { content: { 'application/json': { example: unknown } } };
      responses: Record<'400' | '422', { content: { 'application/json': { example: unknown } } }>;
    };
    const requestExample = post.requestBody.content['application/json'].example;
    expect(validator('#/components/schemas/ParticipationRequest')(requestExample)).toBe(true);
    const errorExample = post.responses['400'].content['application/json'].example;
    expect(validator('#/components/schemas/ValidationErrorResponse')(errorExample)).toBe(true);
    const reusedKeyExample = post.responses['422'].content['application/json'].example;
    expect(validator('#/components/schemas/ErrorResponse')(reusedKeyExample)).toBe(true);
  });

  it('GET /campaigns: 200 with the open campaigns only', async () => {
    const response = await api().get('/api/clearon/campaigns');
    conforms('/campaigns', 'get', response);
    expect(response.body.data.map((c: { slug: string }) => c.slug).sort()).toEqual([
      'demo-form',
      'demo-personality',
      'demo-quiz',
    ]);
  });

  it('GET /campaigns/{slug}: 200 for a form, a quiz and a personality test; 404 otherwise', async () => {
    for (const slug of ['demo-form', 'demo-quiz', 'demo-personality']) {
      const response = await api().get(`/api/clearon/campaigns/${slug}`);
      conforms('/campaigns/{slug}', 'get', response);
      expect(response.body.data.slug).toBe(slug);
    }
    const form = await api().get('/api/clearon/campaigns/demo-form');
    expect(form.body.data.fields.find((f: { key: string }) => f.key === 'phone').showWhen).toEqual({
      field: 'deliveryType',
      value: 'sms',
    });
    for (const slug of ['no-such-campaign', 'closed-quiz']) {
      conforms('/campaigns/{slug}', 'get', await api().get(`/api/clearon/campaigns/${slug}`));
    }
  });

  it('GET /campaigns and /campaigns/{slug} with ?locale=: 400 naming locale when not one', async () => {
    const english = await api().get('/api/clearon/campaigns/demo-form?locale=en');
    conforms('/campaigns/{slug}', 'get', english);
    expect(english.body.data).toMatchObject({ locale: 'en', locales: ['en'] });
    const notInCampaign = await api().get('/api/clearon/campaigns/demo-form?locale=fr');
    conforms('/campaigns/{slug}', 'get', notInCampaign);
    expect(notInCampaign.status).toBe(400);
    expect(notInCampaign.body.error.details.errors[0].path).toEqual(['locale']);
    const malformed = await api().get('/api/clearon/campaigns?locale=%3Cscript%3E');
    conforms('/campaigns', 'get', malformed);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.errors[0].path).toEqual(['locale']);
  });

  it('POST participations: 201 with a Button coupon, then GET participation until issued', async () => {
    const body = {
      answers: { firstname: 'Ada', email: 'ada@example.com', deliveryType: 'email' },
    };
    expect(validator('#/components/schemas/ParticipationRequest')(body)).toBe(true);
    const created = await participate('demo-form', body);
    conforms('/campaigns/{slug}/participations', 'post', created);
    expect(created.status).toBe(201);
    const { id, token, coupon } = created.body.data;
    expect(coupon).toMatchObject({ delivery: 'button', channel: 'email' });

    const read = () => api().get(`/api/clearon/participations/${id}`).query({ token });
    const issued = await waitFor(async () => {
      const response = await read();
      conforms('/participations/{id}', 'get', response);
      return response.body.data.coupon.status === 'issued' ? response : null;
    });
    expect(issued.body.data).not.toHaveProperty('token');
    expect(issued.body.data.coupon).toEqual({
      status: 'issued',
      delivery: 'button',
      channel: 'email',
      code: expect.any(String),
      redeemUrl: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(issued.body.data.exitScreen.title).toBe('Thanks Ada!');

    conforms(
      '/participations/{id}',
      'get',
      await api().get(`/api/clearon/participations/${id}`).query({ token: 'wrong-token' })
    );
    conforms('/participations/{id}', 'get', await api().get(`/api/clearon/participations/${id}`));
    conforms(
      '/participations/{id}',
      'get',
      await api().get('/api/clearon/participations/nope').query({ token })
    );
  });

  it('POST participations: 201 with an Automatic coupon (quiz, score 2), and without one', async () => {
    const perfect = await participate('demo-quiz', {
      answers: { email: 'quiz@example.com', q1: 'right', q2: 'right' },
    });
    conforms('/campaigns/{slug}/participations', 'post', perfect);
    expect(perfect.body.data.coupon).toMatchObject({ delivery: 'automatic', channel: 'email' });
    const { id, token } = perfect.body.data;
    const issued = await waitFor(async () => {
      const response = await api().get(`/api/clearon/participations/${id}`).query({ token });
      conforms('/participations/{id}', 'get', response);
      return response.body.data.coupon.status === 'issued' ? response : null;
    });
    // Automatic: ClearOn sends it; the API never shows it.
    expect(issued.body.data.coupon).toEqual({
      status: 'issued',
      delivery: 'automatic',
      channel: 'email',
    });

    const noCoupon = await participate('demo-quiz', {
      answers: { email: 'quiz2@example.com', q1: 'wrong', q2: 'right' },
    });
    conforms('/campaigns/{slug}/participations', 'post', noCoupon);
    expect(noCoupon.body.data.coupon).toBeNull();
    expect(noCoupon.body.data.exitScreen.title).toBe('Thanks for playing');
  });

  it('POST participations: 400 for invalid answers or body, 404, 413', async () => {
    const cases: unknown[] = [
      { answers: { firstname: 'Ada', email: 'not-an-email', deliveryType: 'email' } },
      { answers: { firstname: 'Ada', email: 'ada@example.com', deliveryType: 'sms' } },
      { answers: { nope: 'x' } },
      { answers: 'not an object' },
      { answers: {}, extra: true },
      {},
    ];
    for (const body of cases) {
      const response = await participate('demo-form', body);
      conforms('/campaigns/{slug}/participations', 'post', response);
      expect(response.status).toBe(400);
    }
    const invalid = await participate('demo-form', cases[0]);
    expect(invalid.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['answers', 'email'],
        message: 'must be a valid email address',
      }),
    ]);
    const notJson = await api()
      .post('/api/clearon/campaigns/demo-form/participations')
      .set('Content-Type', 'text/plain')
      .send('hello');
    conforms('/campaigns/{slug}/participations', 'post', notJson);

    for (const slug of ['no-such-campaign', 'closed-quiz']) {
      const response = await participate(slug, { answers: { email: 'a@example.com' } });
      conforms('/campaigns/{slug}/participations', 'post', response);
      expect(response.status).toBe(404);
    }

    const tooLarge = await participate('demo-form', { answers: { firstname: 'x'.repeat(70_000) } });
    conforms('/campaigns/{slug}/participations', 'post', tooLarge);
    expect(tooLarge.status).toBe(413);

    const multipart = await api()
      .post('/api/clearon/campaigns/demo-form/participations')
      .field('answers', '{}');
    conforms('/campaigns/{slug}/participations', 'post', multipart);
    expect(multipart.status).toBe(415);
  });

  it('POST participations with an Idempotency-Key: 201 again, 422 with other answers, 409 once erased', async () => {
    const key = '3f0c8f8e-2b7a-4c55-9a3e-6a1d4c2f7b10';
    const answers = { firstname: 'Kay', email: 'kay@example.com', deliveryType: 'email' };
    const keyed = (body: unknown) =>
      api()
        .post('/api/clearon/campaigns/demo-form/participations')
        .set('Idempotency-Key', key)
        .send(body as object);
    const first = await keyed({ answers });
    conforms('/campaigns/{slug}/participations', 'post', first);
    const again = await keyed({ answers });
    conforms('/campaigns/{slug}/participations', 'post', again);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);

    const other = await keyed({ answers: { ...answers, firstname: 'Kai' } });
    conforms('/campaigns/{slug}/participations', 'post', other);
    expect(other.status).toBe(422);

    await getService(app.strapi, 'privacy').eraseContact({ email: answers.email });
    const erased = await keyed({ answers });
    conforms('/campaigns/{slug}/participations', 'post', erased);
    expect(erased.status).toBe(409);
  });

  it('POST participations: 409 for a person who took part already; a capped campaign out of coupons; the honeypot', async () => {
    const answers = { firstname: 'Noa', email: 'noa@example.com', deliveryType: 'email' };
    const first = await participate('demo-form', { answers, website: '' });
    conforms('/campaigns/{slug}/participations', 'post', first);
    expect(first.status).toBe(201);
    const again = await participate('demo-form', { answers });
    conforms('/campaigns/{slug}/participations', 'post', again);
    expect(again.body.error).toMatchObject({
      name: 'ParticipationLimitError',
      details: { reason: 'once' },
    });

    await publishCampaign(app.strapi, {
      ...DEMO_FORM,
      slug: 'capped-form',
      title: 'Capped form',
      maxCoupons: 1,
    });
    await participate('capped-form', { answers });
    const late = await participate('capped-form', {
      answers: { ...answers, email: 'late@example.com' },
    });
    conforms('/campaigns/{slug}/participations', 'post', late);
    expect(late.body.data.coupon).toMatchObject({ status: 'unavailable', reason: 'cap_reached' });
    const read = await api()
      .get(`/api/clearon/participations/${late.body.data.id}`)
      .set('X-Participation-Token', late.body.data.token);
    conforms('/participations/{id}', 'get', read);

    const bot = await participate('capped-form', {
      answers: { ...answers, email: 'bot@example.com' },
      website: 'https://spam.example',
    });
    conforms('/campaigns/{slug}/participations', 'post', bot);
    expect(bot.status).toBe(201);
  });

  it('every route: 503 with Retry-After while the database cannot serve it', async () => {
    // Emptied so that the campaign cache cannot answer in the database's place.
    getService(app.strapi, 'campaigns').clearCache();
    const routes: Array<[string, Method, () => request.Test]> = [
      ['/campaigns', 'get', () => api().get('/api/clearon/campaigns')],
      ['/campaigns/{slug}', 'get', () => api().get('/api/clearon/campaigns/demo-form')],
      [
        '/campaigns/{slug}/participations',
        'post',
        () => participate('demo-form', { answers: { firstname: 'Ada', email: 'ada@example.com' } }),
      ],
      ['/participations/{id}', 'get', () => api().get('/api/clearon/participations/x?token=y')],
      ['/health', 'get', () => api().get('/api/clearon/health')],
    ];
    await withPoolExhausted(app.strapi, async () => {
      for (const [docPath, method, send] of routes) {
        const response = await send();
        expect(response.status).toBe(503);
        conforms(docPath, method, response);
        expect(response.headers['retry-after']).toBe('5');
      }
    });
  });

  it('GET /health: 200', async () => {
    conforms('/health', 'get', await api().get('/api/clearon/health'));
  });

  // Last: it uses up this client's participation budget.
  it('POST participations: 429 with Retry-After once the rate limit is reached', async () => {
    let response;
    for (let i = 0; i < 40; i += 1) {
      response = await participate('demo-form', { answers: {} });
      if (response.status === 429) break;
    }
    expect(response?.status).toBe(429);
    conforms('/campaigns/{slug}/participations', 'post', response as request.Response);
    expect(Number(response?.headers['retry-after'])).toBeGreaterThan(0);
  });

  // Last too: it uses up this client's budget of reads (one for every public GET but /health).
  it('GET routes: 429 with Retry-After once the read budget is spent', async () => {
    let response;
    for (let i = 0; i < 400; i += 1) {
      response = await api().get('/api/clearon/campaigns');
      if (response.status === 429) break;
    }
    expect(response?.status).toBe(429);
    conforms('/campaigns', 'get', response as request.Response);
    for (const [docPath, url] of [
      ['/campaigns/{slug}', '/api/clearon/campaigns/demo-form'],
      ['/participations/{id}', '/api/clearon/participations/x?token=y'],
    ]) {
      const limited = await api().get(url);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      conforms(docPath, 'get', limited);
    }
    conforms('/health', 'get', await api().get('/api/clearon/health'));
  });

  it('every documented response of every route was seen', () => {
    const documented = Object.entries(spec.paths).flatMap(([docPath, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.keys((operation as Operation).responses).map(
          (status) => `${method} ${docPath} ${status}`
        )
      )
    );
    expect([...seen].sort()).toEqual(documented.sort());
  });
});
