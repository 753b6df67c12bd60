import { randomUUID } from 'crypto';
import request from 'supertest';
import type { Simulator } from '../../simulator/src';
import type { TestApp } from '../harness/strapi';
import { authHeader } from '../harness/admin';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { waitFor } from '../harness/wait';
import { bootWithSimulator, type AppWithSimulator } from '../harness/with-simulator';

const WORKER = { pollIntervalMs: 50, backoffBaseMs: 30, backoffMaxMs: 100 };

describe('POST participations with an Idempotency-Key', () => {
  let app: TestApp;
  let simulator: Simulator;
  let adminToken: string;
  let stage: AppWithSimulator | undefined;

  const answersOf = (name: string) => ({
    firstname: name,
    email: `${name.toLowerCase()}@example.se`,
    deliveryType: 'email',
  });
  const submit = (slug: string, answers: unknown, key?: string) => {
    const req = request(app.server).post(`/api/clearon/campaigns/${slug}/participations`);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send({ answers });
  };
  const participationRows = () =>
    app.strapi.db.connection('clearon_participations').select('id', 'document_id', 'reference');
  const couponRows = () => app.strapi.db.connection('clearon_coupons').select('reference');
  const read = (id: string, token: string) =>
    request(app.server)
      .get(`/api/clearon/participations/${id}`)
      .set('X-Participation-Token', token);

  beforeAll(async () => {
    stage = await bootWithSimulator({
      pluginConfig: { worker: WORKER, buttonWaitMs: 3000, rateLimit: { enabled: false } },
    });
    ({ app, simulator, adminToken } = stage);
    await publishCampaign(app.strapi, formCampaign('keyed'));
    await publishCampaign(app.strapi, formCampaign('keyed-other'));
    const { allowUnlimitedWithCoupon: _unlimited, ...once } = formCampaign('keyed-once');
    await publishCampaign(app.strapi, { ...once, participationLimit: 'once' });
  });

  afterAll(async () => {
    await stage?.stop();
  });

  it('answers a repeated request with the first participation, its token and its one coupon', async () => {
    const key = randomUUID();
    const before = (await participationRows()).length;
    const first = await submit('keyed', answersOf('Ida'), key).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(first.body.data.coupon).toMatchObject({ status: 'issued', delivery: 'button' });

    const again = await submit('keyed', answersOf('Ida'), key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data).toEqual(first.body.data);

    const rows = await participationRows();
    expect(rows).toHaveLength(before + 1);
    const { reference } = rows.find((r) => r.document_id === first.body.data.id)!;
    expect((await couponRows()).filter((c) => c.reference === reference)).toHaveLength(1);
    expect(
      simulator.received.filter((r) => (r.body as { reference?: string }).reference === reference)
    ).toHaveLength(1);
    await read(first.body.data.id, again.body.data.token).expect(200);
  });

  it('lets exactly one of ten simultaneous requests with one key in, and answers all ten with it', async () => {
    const key = randomUUID();
    const before = (await participationRows()).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => submit('keyed', answersOf('Sim'), key))
    );
    expect(answers.map((res) => res.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((res) => res.body.data.id)).size).toBe(1);
    expect(new Set(answers.map((res) => res.body.data.token)).size).toBe(1);
    expect(answers.filter((res) => res.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect((await participationRows()).length).toBe(before + 1);
  });

  it('refuses the key with other answers (422), and writes nothing', async () => {
    const key = randomUUID();
    await submit('keyed', answersOf('Olle'), key).expect(201);
    const before = (await participationRows()).length;
    const res = await submit('keyed', answersOf('Other'), key).expect(422);
    expect(res.body.error).toMatchObject({
      name: 'UnprocessableEntityError',
      details: { header: 'Idempotency-Key' },
    });
    expect(res.body.error.message).toMatch(/already used with other answers/);
    expect((await participationRows()).length).toBe(before);
  });

  it('matches answers whatever their order', async () => {
    const key = randomUUID();
    const first = await submit('keyed', answersOf('Ord'), key).expect(201);
    const { deliveryType, email, firstname } = answersOf('Ord');
    const again = await submit('keyed', { deliveryType, email, firstname }, key).expect(201);
    expect(again.body.data.id).toBe(first.body.data.id);
  });

  it('scopes a key to its campaign', async () => {
    const key = randomUUID();
    const one = await submit('keyed', answersOf('Kim'), key).expect(201);
    const other = await submit('keyed-other', answersOf('Kim'), key).expect(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.body.data.id).not.toBe(one.body.data.id);
    expect(other.body.data.token).not.toBe(one.body.data.token);
  });

  it('makes a new participation for each request without a key, as before', async () => {
    const a = await submit('keyed', answersOf('Nokey')).expect(201);
    const b = await submit('keyed', answersOf('Nokey')).expect(201);
    expect(a.body.data.id).not.toBe(b.body.data.id);
  });

  it.each([
    ['too short', 'abc'],
    ['with a space', 'not a valid key 123'],
    ['too long', 'k'.repeat(256)],
    ['not ASCII', 'nyckel-åäö-1234567890'],
  ])('refuses a key %s with a 400 naming the header', async (_label, key) => {
    const before = (await participationRows()).length;
    const res = await submit('keyed', answersOf('Bad'), key).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['headers', 'Idempotency-Key'],
        message: expect.stringMatching(/16 to 255 printable ASCII/),
      }),
    ]);
    expect((await participationRows()).length).toBe(before);
  });

  it('still validates the answers of a keyed request', async () => {
    const res = await submit('keyed', { firstname: 'X' }, randomUUID()).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
  });

  it('forgets a key when its participation is erased: the key sent again is a new participation', async () => {
    const key = randomUUID();
    const answers = { ...answersOf('Gone'), email: `gone-${key}@example.se` };
    const first = await submit('keyed', answers, key).expect(201);
    await waitFor(async () => {
      const res = await request(app.server)
        .post('/clearon/privacy/erase')
        .set(authHeader(adminToken))
        .send({ email: answers.email });
      return res.status === 200 && res.body.data.participations === 1 ? true : null;
    });
    const erased = await app.strapi.db
      .connection('clearon_participations')
      .where({ document_id: first.body.data.id })
      .first('submission_key', 'token_hash');
    expect(erased).toEqual({ submission_key: null, token_hash: null });
    // Nothing links the key to the erased participation any more: the same answers sent again with
    // it are taken as a new participation (the campaign's limits still apply, see below).
    const again = await submit('keyed', answers, key).expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.data.id).not.toBe(first.body.data.id);
    // And that one is idempotent under the key again.
    const replay = await submit('keyed', answers, key).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.data.id).toBe(again.body.data.id);
  });

  it("keeps a 'once' campaign's limit after erasure: the key sent again answers 409", async () => {
    const key = randomUUID();
    const answers = { ...answersOf('Once'), email: `once-${key}@example.se` };
    await submit('keyed-once', answers, key).expect(201);
    await waitFor(async () => {
      const res = await request(app.server)
        .post('/clearon/privacy/erase')
        .set(authHeader(adminToken))
        .send({ email: answers.email });
      return res.status === 200 && res.body.data.participations === 1 ? true : null;
    });
    const res = await submit('keyed-once', answers, key).expect(409);
    expect(res.body.error).toMatchObject({
      name: 'ParticipationLimitError',
      details: { reason: 'once' },
    });
  });
});
