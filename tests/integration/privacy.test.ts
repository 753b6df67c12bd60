import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createAdminWithPermissions, createSuperAdmin } from '../harness/admin';
import { createIntegration } from '../fixtures/integrations';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { waitFor } from '../harness/wait';
import { getService } from '../../server/src/utils/get-service';
import { newToken } from '../../server/src/utils/random';
import privacyService from '../../server/src/services/privacy';

const DAY_MS = 24 * 60 * 60 * 1000;

interface ParticipationRow {
  id: number;
  document_id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  answers: unknown;
  erased_at: unknown;
  token_hash: string | null;
  submission_key: string | null;
  reference: string;
}

interface CouponRow {
  id: number;
  reference: string;
  status: string;
  code: string | null;
  redeem_url: string | null;
  request_body: string | null;
  last_error_code: string | null;
  campaign_document_id: string;
}

describe('data protection: tokens, retention, erasure', () => {
  let app: TestApp;
  let simulator: Simulator;
  let superToken: string;

  const submit = (answers: Record<string, unknown>, slug = 'privacy') =>
    request(app.server).post(`/api/clearon/campaigns/${slug}/participations`).send({ answers });
  const participation = async (documentId: string) =>
    (await app.strapi.db
      .connection('clearon_participations')
      .where({ document_id: documentId })
      .first()) as ParticipationRow;
  const couponOf = async (reference: string) =>
    (await app.strapi.db.connection('clearon_coupons').where({ reference }).first()) as CouponRow;
  const issued = async (documentId: string) => {
    const { reference } = await participation(documentId);
    return waitFor(async () => {
      const coupon = await couponOf(reference);
      return coupon?.status === 'issued' ? coupon : null;
    });
  };
  const erase = (body: unknown, token = superToken) =>
    request(app.server)
      .post('/clearon/privacy/erase')
      .set(authHeader(token))
      .send(body as object);
  const answersOf = (name: string, extra: Record<string, unknown> = {}) => ({
    firstname: name,
    email: `${name.toLowerCase()}@example.se`,
    deliveryType: 'email',
    ...extra,
  });

  beforeAll(async () => {
    simulator = await startSimulator();
    app = await bootStrapi({
      pluginConfig: {
        retentionDays: 30,
        rateLimit: { enabled: false },
        buttonWaitMs: 3000,
        worker: { pollIntervalMs: 50, backoffBaseMs: 30, backoffMaxMs: 100 },
      },
    });
    superToken = (await createSuperAdmin(app)).token;
    await createIntegration(app, {
      name: 'Simulator',
      endpoint: simulator.endpoint,
      apiKey: 'test-key',
    });
    await publishCampaign(app.strapi, formCampaign('privacy'));
    await publishCampaign(
      app.strapi,
      formCampaign('privacy-auto', { couponCode: 'AUTO1', validityDays: 5, delivery: 'automatic' })
    );
    // ClearOn does not know this code: its coupons end `failed` (unknown_coupon), retryable.
    await publishCampaign(
      app.strapi,
      formCampaign('privacy-unknown', {
        couponCode: 'UNKNOWN7',
        validityDays: 5,
        delivery: 'automatic',
      })
    );
    // The retention job also runs once at startup: let it finish before the tests take the lock.
    await waitFor(async () => (await getService(app.strapi, 'privacy').runRetention()) !== null);
  });

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  });

  describe('participant tokens', () => {
    it('carry 256 random bits (base64url), only their hash is stored', async () => {
      const res = await submit(answersOf('Tok')).expect(201);
      const { token, id } = res.body.data;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const row = await participation(id);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(token);
    });

    it('are unique and unbiased over 2,000 draws (at least 128 bits of randomness)', () => {
      const tokens = Array.from({ length: 2000 }, () => newToken());
      expect(new Set(tokens).size).toBe(tokens.length);
      const bytes = tokens.map((t) => Buffer.from(t, 'base64url'));
      expect(bytes.every((b) => b.length * 8 >= 128)).toBe(true);
      // Every bit position varies, and ones make about half of all bits (binomial, ±5 sigma).
      const positions = 256;
      const ones = new Array<number>(positions).fill(0);
      for (const b of bytes) {
        for (let bit = 0; bit < positions; bit++) ones[bit] += (b[bit >> 3] >> (bit & 7)) & 1;
      }
      expect(ones.every((n) => n > 0 && n < tokens.length)).toBe(true);
      const total = ones.reduce((a, n) => a + n, 0);
      const bits = tokens.length * positions;
      expect(Math.abs(total - bits / 2)).toBeLessThan(5 * Math.sqrt(bits / 4));
    });
  });

  describe('retention', () => {
    it('erases email, phone, first name and answers of participations older than retentionDays', async () => {
      const old = await submit(answersOf('Old')).expect(201);
      const oldSms = await submit({
        firstname: 'Olds',
        deliveryType: 'sms',
        phone: '0701112233',
      }).expect(201);
      const recent = await submit(answersOf('Recent')).expect(201);
      const oldCoupon = await issued(old.body.data.id);
      await issued(oldSms.body.data.id);
      await issued(recent.body.data.id);

      const longAgo = new Date(Date.now() - 31 * DAY_MS);
      await app.strapi.db
        .connection('clearon_participations')
        .whereIn('document_id', [old.body.data.id, oldSms.body.data.id])
        .update({ created_at: longAgo });

      const result = await getService(app.strapi, 'privacy').runRetention();
      expect(result).toEqual({ participations: 2, coupons: 2 });

      for (const id of [old.body.data.id, oldSms.body.data.id]) {
        const row = await participation(id);
        expect(row).toMatchObject({ email: null, phone: null, first_name: null, answers: null });
        expect(row.erased_at).not.toBeNull();
      }
      const coupon = await couponOf(oldCoupon.reference);
      expect(coupon).toMatchObject({ status: 'issued', code: null, redeem_url: null });

      const kept = await participation(recent.body.data.id);
      expect(kept).toMatchObject({ email: 'recent@example.se', first_name: 'Recent' });
      expect(kept.erased_at).toBeNull();
      expect((await couponOf(kept.reference)).code).toMatch(/^\d{7}$/);

      // Already erased rows are not counted again.
      expect(await getService(app.strapi, 'privacy').runRetention()).toEqual({
        participations: 0,
        coupons: 0,
      });
    });

    it('erases in batches, one transaction each, until none is left', async () => {
      const sent = [];
      for (let i = 0; i < 5; i++) sent.push(await submit(answersOf(`Batch${i}`)).expect(201));
      for (const res of sent) await issued(res.body.data.id);
      await app.strapi.db
        .connection('clearon_participations')
        .whereIn(
          'document_id',
          sent.map((res) => res.body.data.id)
        )
        .update({ created_at: new Date(Date.now() - 31 * DAY_MS) });

      // Which transaction each erasing UPDATE ran in, as Knex reports its queries.
      const knex = app.strapi.db.connection;
      const transactions = new Set<string>();
      const onQuery = (query: { sql: string; __knexTxId?: string }) => {
        if (/^update .clearon_participations./i.test(query.sql)) {
          transactions.add(String(query.__knexTxId));
        }
      };
      knex.on('query', onQuery);
      let result;
      try {
        result = await getService(app.strapi, 'privacy').runRetention(new Date(), 2);
      } finally {
        knex.removeListener('query', onQuery);
      }
      expect(result).toEqual({ participations: 5, coupons: 5 });
      // 2 + 2 + 1 rows: three short transactions, not one long one.
      expect(transactions.size).toBe(3);
      expect(transactions.has('undefined')).toBe(false);
      for (const res of sent) {
        const row = await participation(res.body.data.id);
        expect(row).toMatchObject({ email: null, token_hash: null, answers: null });
        expect(await couponOf(row.reference)).toMatchObject({ code: null, request_body: null });
      }
    });

    it('runs in one place at a time: of concurrent takers of the lock, exactly one gets it', async () => {
      const privacy = getService(app.strapi, 'privacy');
      // Two whole runs may or may not overlap (a run with nothing to erase is quick), so the race is
      // on the lock itself: nobody releases it here, and exactly one of the concurrent takers wins.
      const first = await Promise.all([privacy.runRetention(), privacy.runRetention()]);
      expect(first.some((r) => r !== null)).toBe(true);

      // Two instances (two services with their own owner) on one database.
      const other = privacyService({ strapi: app.strapi });
      for (let round = 0; round < 5; round++) {
        const now = new Date();
        const tokens = await Promise.all([
          privacy.acquireLock(now, 60_000),
          other.acquireLock(now, 60_000),
          privacy.acquireLock(now, 60_000),
        ]);
        const winners = tokens.filter((t): t is string => t !== null);
        expect(winners).toHaveLength(1);
        // While it is held, a run elsewhere is refused.
        expect(await other.runRetention(now)).toBeNull();
        await privacy.releaseLock(winners[0]);
        await other.releaseLock(winners[0]);
      }
      // The lock is released after each run: a later run goes through.
      expect(await other.runRetention()).not.toBeNull();

      // A release never writes back the value the lock had before it was taken: a run that read
      // the released lock before another took and released it must not take it too.
      const lockValue = async () =>
        (
          await app.strapi.db
            .connection('strapi_core_store_settings')
            .where({ key: 'plugin_clearon_retention_lock' })
            .first('value')
        )?.value;
      const before = await lockValue();
      expect(before).toBeDefined();
      await other.runRetention();
      expect(await lockValue()).not.toBe(before);
    });

    it('waits for a lock held by another instance, and takes over an expired one', async () => {
      const privacy = getService(app.strapi, 'privacy');
      const other = privacyService({ strapi: app.strapi });
      const now = new Date();
      const token = await other.acquireLock(now, 60_000);
      expect(token).toEqual(expect.any(String));
      expect(await privacy.runRetention(now)).toBeNull();
      // Ten minutes later the holder is presumed dead: its lock has expired.
      const later = new Date(now.getTime() + 11 * 60_000);
      expect(await privacy.runRetention(later)).not.toBeNull();
      await other.releaseLock(token as string);
    });
  });

  describe('POST /clearon/privacy/erase', () => {
    it('erases one person by email across participations and coupons, and no one else', async () => {
      const first = await submit(answersOf('Erin')).expect(201);
      const second = await submit({
        ...answersOf('Erin2'),
        email: ' ERIN@Example.se ',
      }).expect(201);
      const bystander = await submit(answersOf('Bystander')).expect(201);
      for (const res of [first, second, bystander]) await issued(res.body.data.id);

      const res = await erase({ email: 'Erin@example.se' }).expect(200);
      expect(res.body.data).toEqual({ participations: 2, coupons: 2 });
      for (const id of [first.body.data.id, second.body.data.id]) {
        const row = await participation(id);
        expect(row).toMatchObject({
          email: null,
          phone: null,
          first_name: null,
          answers: null,
          token_hash: null,
          submission_key: null,
        });
        expect(row.erased_at).not.toBeNull();
        // The frozen ClearOn request held the recipient: it goes too.
        expect(await couponOf(row.reference)).toMatchObject({
          code: null,
          redeem_url: null,
          request_body: null,
        });
        // Nothing in the rows points to the person any more.
        const rows = JSON.stringify([row, await couponOf(row.reference)]);
        expect(rows).not.toMatch(/erin/i);
      }
      const other = await participation(bystander.body.data.id);
      expect(other.email).toBe('bystander@example.se');
      expect((await couponOf(other.reference)).redeem_url).toContain(simulator.url);

      // The participant's own link is gone with the token's hash: 404, as for a wrong token.
      const { code, redeemUrl } = first.body.data.coupon;
      expect(code).toMatch(/^\d{7}$/);
      const view = await request(app.server)
        .get(`/api/clearon/participations/${first.body.data.id}`)
        .set('X-Participation-Token', first.body.data.token)
        .expect(404);
      expect(JSON.stringify(view.body)).not.toContain(code);
      expect(JSON.stringify(view.body)).not.toContain(redeemUrl);
    });

    it('erases by E.164 phone number', async () => {
      const sms = await submit({
        firstname: 'Phil',
        deliveryType: 'sms',
        phone: '070-765 43 21',
      }).expect(201);
      await issued(sms.body.data.id);
      const res = await erase({ phone: '+46707654321' }).expect(200);
      expect(res.body.data.participations).toBeGreaterThanOrEqual(1);
      expect(await participation(sms.body.data.id)).toMatchObject({ phone: null, answers: null });
    });

    it('stops a coupon not yet issued, even one whose ClearOn call is in flight', async () => {
      simulator.setLatency(1500);
      try {
        const res = await submit(answersOf('Inflight'), 'privacy-auto').expect(201);
        const { reference } = await participation(res.body.data.id);
        // The issuer has sent the request and waits for ClearOn's answer.
        await waitFor(async () => simulator.received.some((r) => bodyRef(r.body) === reference));
        const { id } = await couponOf(reference);
        const settled = getService(app.strapi, 'issuer').waitForSettled(id, 10_000);
        await erase({ email: 'inflight@example.se' }).expect(200);
        await settled;
        const answered = simulator.received.find((r) => bodyRef(r.body) === reference);
        expect(answered?.status).toBe(201);
        const coupon = await couponOf(reference);
        expect(coupon).toMatchObject({
          status: 'failed',
          last_error_code: 'erased',
          code: null,
          redeem_url: null,
        });
      } finally {
        simulator.setLatency(0);
      }
    });

    it('never retries a coupon whose participation was erased: 409 alone, skipped in bulk', async () => {
      const gone = await submit(answersOf('Retrygone'), 'privacy-unknown').expect(201);
      const kept = await submit(answersOf('Retrykept'), 'privacy-unknown').expect(201);
      const failed = async (documentId: string) => {
        const { reference } = await participation(documentId);
        return waitFor(async () => {
          const coupon = await couponOf(reference);
          return coupon?.status === 'failed' ? coupon : null;
        });
      };
      const goneCoupon = await failed(gone.body.data.id);
      const keptCoupon = await failed(kept.body.data.id);
      expect(goneCoupon.last_error_code).toBe('unknown_coupon');
      await erase({ email: 'retrygone@example.se' }).expect(200);
      const sent = (reference: string) =>
        simulator.received.filter((r) => bodyRef(r.body) === reference).length;
      const goneSent = sent(goneCoupon.reference);
      const keptSent = sent(keptCoupon.reference);

      const one = await request(app.server)
        .post(`/clearon/coupons/${goneCoupon.id}/retry`)
        .set(authHeader(superToken))
        .expect(409);
      expect(one.body.error).toMatchObject({
        name: 'ConflictError',
        details: { reason: 'erased' },
      });
      expect(one.body.error.message).toMatch(/erased/);

      const all = await request(app.server)
        .post('/clearon/coupons/retry')
        .set(authHeader(superToken))
        .send({ campaign: goneCoupon.campaign_document_id })
        .expect(200);
      expect(all.body.data).toEqual({ retried: 1, skipped: { erased: 1 } });
      expect(await couponOf(goneCoupon.reference)).toMatchObject({
        status: 'failed',
        request_body: null,
      });
      // The one not erased went back to ClearOn (and fails again: ClearOn does not know its code);
      // the erased one was never sent again.
      await waitFor(async () => (sent(keptCoupon.reference) > keptSent ? true : null));
      await waitFor(async () =>
        (await couponOf(keptCoupon.reference)).status === 'failed' ? true : null
      );
      expect(sent(goneCoupon.reference)).toBe(goneSent);
    });

    it('answers 400 for bad input', async () => {
      for (const body of [
        {},
        { email: '' },
        { email: 'not-an-email' },
        { phone: '0701234567' },
        { phone: '+46 70' },
        { email: 'a@example.se', extra: 1 },
        { email: ['a@example.se'] },
      ]) {
        const res = await erase(body);
        expect([body, res.status]).toEqual([body, 400]);
        expect(res.body.error.name).toBe('ValidationError');
      }
    });

    it('answers 403 without plugin::clearon.privacy.erase, 401 without a login', async () => {
      const reader = await createAdminWithPermissions(app, ['plugin::clearon.coupons.read']);
      await erase({ email: 'bystander@example.se' }, reader.token).expect(403);
      await request(app.server)
        .post('/clearon/privacy/erase')
        .send({ email: 'bystander@example.se' })
        .expect(401);
      const eraser = await createAdminWithPermissions(app, ['plugin::clearon.privacy.erase']);
      await erase({ email: 'nobody@example.se' }, eraser.token).expect(200);
      const rows = await app.strapi.db
        .connection('clearon_participations')
        .where({ email: 'bystander@example.se' });
      expect(rows).toHaveLength(1);
    });
  });
});

const bodyRef = (body: unknown) => (body as { reference?: string } | null)?.reference;
