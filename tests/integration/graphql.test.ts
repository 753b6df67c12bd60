/**
 * With @strapi/plugin-graphql installed (the playground has it, and users-permissions): the plugin's
 * models get no shadow CRUD, whoever asks, and its three operations answer as the REST API does
 * (same validation, limits, errors and rate limit). The schema excerpt in docs/graphql.md is the
 * running schema's (UPDATE_GRAPHQL_DOCS=1 rewrites it).
 */
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import type { Simulator } from '../../simulator/src';
import { OPERATIONS } from '../../server/src/graphql/schema';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { graphql, introspect, schemaExcerpt, type GraphqlOptions } from '../harness/graphql';
import { authHeader } from '../harness/admin';
import { ROOT_DIR } from '../harness/paths';
import type { TestApp } from '../harness/strapi';
import { bootWithSimulator, type AppWithSimulator } from '../harness/with-simulator';
import {
  CAMPAIGN,
  PARTICIPATE,
  type Created,
  PARTICIPATION,
  PRIVATE_QUERIES,
  withoutNulls,
} from './graphql-ops';

const POST_POINTS = 3;
const DOC = path.join(ROOT_DIR, 'docs', 'graphql.md');

describe('GraphQL', () => {
  let stage: AppWithSimulator | undefined;
  let app: TestApp;
  let simulator: Simulator;
  const identities = new Map<string, GraphqlOptions>([['the public', {}]]);
  let ipSeq = 0;
  /** A new client address: the POST budget (POST_POINTS a minute) is per address. */
  const nextIp = () => `198.51.100.${++ipSeq}`;
  const person = (email: string) => ({ firstname: 'Ada', email, deliveryType: 'email' });
  const restPost = (slug: string, answers: unknown, ip = nextIp()) =>
    request(app.server)
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .set('X-Forwarded-For', ip)
      .send({ answers });
  const participate = (variables: Record<string, unknown>, ip = nextIp()) =>
    graphql<{ clearonParticipate: Created | null }>(app, PARTICIPATE, variables, { ip });
  const count = async (table: string) =>
    Number((await app.strapi.db.connection(table).count({ n: '*' }))[0].n);

  beforeAll(async () => {
    stage = await bootWithSimulator({
      pluginConfig: {
        worker: { pollIntervalMs: 50, backoffBaseMs: 30, backoffMaxMs: 100 },
        buttonWaitMs: 3000,
        rateLimit: {
          enabled: true,
          post: { points: POST_POINTS, durationSec: 60 },
          get: { points: 1000, durationSec: 60 },
        },
      },
      env: { CLEARON_PLAYGROUND_PROXY: 'true', CLEARON_PLAYGROUND_PROXY_MAX_IPS: '1' },
    });
    ({ app, simulator } = stage);
    await publishCampaign(app.strapi, formCampaign('gql-form'));
    const { participationLimit: _l, allowUnlimitedWithCoupon: _a, ...once } = formCampaign('once');
    await publishCampaign(app.strapi, once);

    // A users-permissions user, registered as a site's visitor would be, and an API token.
    const registered = await request(app.server)
      .post('/api/auth/local/register')
      .send({ username: 'reader', email: 'reader@example.com', password: 'Reader-Passw0rd' })
      .expect(200);
    identities.set('a users-permissions user', { token: registered.body.jwt });
    const apiToken = await request(app.server)
      .post('/admin/api-tokens')
      .set(authHeader(stage.adminToken))
      .send({ name: 'full', type: 'full-access', lifespan: null })
      .expect(201);
    identities.set('a full-access API token', { token: apiToken.body.data.accessKey });
  });

  afterAll(async () => {
    await stage?.stop();
  });

  describe.each(['the public', 'a users-permissions user', 'a full-access API token'])(
    'as %s',
    (who) => {
      const as = () => identities.get(who) as GraphqlOptions;

      it('the plugin has no shadow CRUD type, and its public types no private field', async () => {
        const schema = await introspect(app, as());
        const names = Object.keys(schema.getTypeMap());
        expect(names.filter((name) => /^(Component)?Clearon(?!Public)/.test(name))).toEqual([]);
        const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
          Object.keys(type?.getFields() ?? {}).filter((field) => /clearon/i.test(field))
        );
        expect(rootFields.sort()).toEqual([...OPERATIONS.query, ...OPERATIONS.mutation].sort());
        const publicFields = names
          .filter((name) => name.startsWith('ClearonPublic'))
          .flatMap((name) => {
            const type = schema.getType(name);
            return type && 'getFields' in type ? Object.keys(type.getFields()) : [];
          });
        expect(publicFields).toContain('coupon'); // the introspection did see them
        for (const secret of ['email', 'phone', 'firstName', 'tokenHash', 'apiKey', 'points']) {
          expect(publicFields).not.toContain(secret);
        }
      });

      it.each(PRIVATE_QUERIES)('cannot query %s', async (_what, document, field, type) => {
        const answer = await graphql(app, document, {}, as());
        expect(answer.data ?? null).toBeNull();
        expect(answer.errors?.[0]).toMatchObject({
          message: expect.stringMatching(
            new RegExp(`^Cannot query field "${field}" on type "${type}"`)
          ),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        });
      });
    }
  );

  it('authenticates the identities above (so their refusals are not a login failure)', async () => {
    const asUser = identities.get('a users-permissions user') as GraphqlOptions;
    expect((await graphql(app, '{ me { username } }', {}, asUser)).data).toEqual({
      me: { username: 'reader' },
    });
    const users = '{ usersPermissionsUsers { username } }';
    const asToken = identities.get('a full-access API token') as GraphqlOptions;
    expect((await graphql(app, users, {}, asToken)).data).toEqual({
      usersPermissionsUsers: [{ username: 'reader' }],
    });
    const publicly = await graphql(app, users);
    expect(publicly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('clearonCampaign answers what GET /api/clearon/campaigns/:slug answers', async () => {
    const rest = await request(app.server).get('/api/clearon/campaigns/gql-form').expect(200);
    const answer = await graphql(app, CAMPAIGN, { slug: 'gql-form' });
    expect(answer.errors).toBeUndefined();
    expect(withoutNulls(answer.data?.clearonCampaign)).toEqual(withoutNulls(rest.body.data));
  });

  it('clearonCampaign of an unknown slug is the REST 404, as an error', async () => {
    const rest = await request(app.server).get('/api/clearon/campaigns/nope').expect(404);
    const answer = await graphql(app, CAMPAIGN, { slug: 'nope' });
    expect(answer.data).toEqual({ clearonCampaign: null });
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'STRAPI_NOT_FOUND_ERROR',
      status: 404,
      error: { name: 'NotFoundError', message: rest.body.error.message },
    });
  });

  it('clearonParticipate saves a participation and issues its coupon', async () => {
    const before = await count('clearon_participations');
    const answer = await participate({ slug: 'gql-form', answers: person('ada@example.com') });
    expect(answer.errors).toBeUndefined();
    const created = answer.data?.clearonParticipate;
    if (!created?.coupon?.code || !created.exitScreen) throw new Error('no coupon code');
    expect(created).toMatchObject({ replayed: false, exitScreen: { title: 'Thanks Ada!' } });
    expect(created.token).toEqual(expect.any(String));
    expect(created.coupon).toMatchObject({
      status: 'issued',
      delivery: 'button',
      channel: 'email',
    });
    expect(created.coupon.code).toMatch(/^\d{7}$/);
    expect(created.exitScreen.html).toContain(created.coupon.code);
    expect(await count('clearon_participations')).toBe(before + 1);
    const [row] = await app.strapi.db
      .connection('clearon_coupons')
      .where({ code: created.coupon.code });
    expect(row).toMatchObject({ status: 'issued' });
    expect(simulator.received.length).toBeGreaterThan(0);

    // clearonParticipation: the same answer as the REST GET, with the token only.
    const poll = `/api/clearon/participations/${created.id}`;
    const rest = await request(app.server).get(poll).set('X-Participation-Token', created.token);
    const read = await graphql(app, PARTICIPATION, { id: created.id, token: created.token });
    expect(read.errors).toBeUndefined();
    const viaGraphql = withoutNulls(read.data?.clearonParticipation) as Created;
    const { coupon: restCoupon, ...restView } = rest.body.data;
    expect(viaGraphql).toEqual({
      ...restView,
      coupon: { ...restCoupon, expiresAt: expect.any(String) },
    });
    // DateTime: the same instant as the REST string.
    expect(Date.parse(String(viaGraphql.coupon?.expiresAt))).toBe(Date.parse(restCoupon.expiresAt));
  });

  it('clearonParticipation with a wrong token is the REST 404', async () => {
    const answer = await participate({ slug: 'gql-form', answers: person('bo@example.com') });
    const { id } = answer.data?.clearonParticipate as { id: string };
    const read = await graphql(app, PARTICIPATION, { id, token: 'x'.repeat(43) });
    expect(read.data).toEqual({ clearonParticipation: null });
    expect(read.errors?.[0].extensions).toMatchObject({
      code: 'STRAPI_NOT_FOUND_ERROR',
      status: 404,
      error: { name: 'NotFoundError' },
    });
  });

  it('a bad answer gives the REST 400: the same error, path and message', async () => {
    const answers = { firstname: 'Ada', email: 'not-an-email', deliveryType: 'fax' };
    const rest = await restPost('gql-form', answers).expect(400);
    const before = await count('clearon_participations');
    const answer = await participate({ slug: 'gql-form', answers });
    expect(answer.data).toEqual({ clearonParticipate: null });
    const { status: _status, ...restError } = rest.body.error;
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      status: 400,
      error: restError,
    });
    expect(rest.body.error.details.errors.map((e: { path: string[] }) => e.path)).toEqual(
      expect.arrayContaining([
        ['answers', 'email'],
        ['answers', 'deliveryType'],
      ])
    );
    expect(await count('clearon_participations')).toBe(before);
  });

  it('a person taking part twice in a `once` campaign gets the REST 409', async () => {
    expect((await participate({ slug: 'once', answers: person('cy@example.com') })).errors).toBe(
      undefined
    );
    const again = await participate({ slug: 'once', answers: person('cy@example.com') });
    const rest = await restPost('once', person('cy@example.com')).expect(409);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'STRAPI_PARTICIPATION_LIMIT_ERROR',
      status: 409,
      error: { name: 'ParticipationLimitError', details: rest.body.error.details },
    });
    expect(rest.body.error.details).toMatchObject({ reason: 'once' });
  });

  it('the same idempotencyKey sent again answers the first participation', async () => {
    const variables = {
      slug: 'gql-form',
      answers: person('di@example.com'),
      idempotencyKey: 'graphql-key-0123456789',
    };
    const first = (await participate(variables)).data?.clearonParticipate;
    const again = (await participate(variables)).data?.clearonParticipate;
    expect(again).toMatchObject({ id: first?.id, token: first?.token, replayed: true });
  });

  it('shares the REST POST budget per client address (429 as an error)', async () => {
    const ip = nextIp();
    await restPost('gql-form', person('ed@example.com'), ip).expect(201);
    for (let i = 1; i < POST_POINTS; i += 1) {
      const ok = await participate({ slug: 'gql-form', answers: person(`e${i}@example.com`) }, ip);
      expect(ok.errors).toBeUndefined();
    }
    const before = await count('clearon_participations');
    const limited = await participate({ slug: 'gql-form', answers: person('ez@example.com') }, ip);
    expect(limited.errors?.[0].extensions).toMatchObject({
      code: 'STRAPI_RATE_LIMIT_ERROR',
      status: 429,
      retryAfter: expect.any(Number),
    });
    await restPost('gql-form', person('ey@example.com'), ip).expect(429);
    expect(await count('clearon_participations')).toBe(before);
  });

  it('docs/graphql.md shows the running schema of the three operations', async () => {
    const excerpt = schemaExcerpt(await introspect(app), OPERATIONS, 'ClearonPublic');
    const block = (text: string) => /```graphql\n([\s\S]*?)\n```/.exec(text)?.[1];
    if (process.env.UPDATE_GRAPHQL_DOCS === '1') {
      const doc = fs.readFileSync(DOC, 'utf8');
      fs.writeFileSync(
        DOC,
        doc.replace(/```graphql\n[\s\S]*?\n```/, `\`\`\`graphql\n${excerpt}\n\`\`\``)
      );
    }
    expect(block(fs.readFileSync(DOC, 'utf8'))).toBe(excerpt);
  });
});
