/**
 * Live-campaign rules on the public POST, in the database of the run (SQLite, PostgreSQL, MariaDB):
 * one participation per person, per period, the recipient's daily ceiling across campaigns, the
 * campaign's coupon cap, and the honeypot. The races send simultaneous requests from many addresses.
 */
import { randomUUID } from 'crypto';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

const BASE_CONFIG = {
  worker: { enabled: false },
  buttonWaitMs: 0,
  rateLimit: { enabled: false },
};

type Answers = Record<string, string>;

const person = (email: string, extra: Answers = {}): Answers => ({
  firstname: 'Ada',
  email,
  deliveryType: 'email',
  ...extra,
});

/** A form campaign with the fixture's coupon and the given rules (the fixture's default is lifted). */
const ruled = (slug: string, rules: Record<string, unknown>) => {
  const {
    participationLimit: _limit,
    allowUnlimitedWithCoupon: _override,
    ...base
  } = formCampaign(slug);
  return { ...base, ...rules };
};

describe('participation limits, caps and the honeypot', () => {
  let app: TestApp;
  let ip = 0;

  const submit = (slug: string, answers: Answers, extra: Record<string, unknown> = {}) => {
    ip += 1;
    return request(app.server)
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .set('X-Forwarded-For', `198.51.100.${ip % 250}`)
      .send({ answers, ...extra });
  };
  const count = async (table: string, where: Record<string, unknown> = {}) =>
    Number((await app.strapi.db.connection(table).where(where).count({ n: '*' }))[0].n);
  const participationsOf = async (slug: string) => {
    const campaign = await app.strapi.db
      .query('plugin::clearon.campaign')
      .findOne({ where: { slug }, select: ['documentId'] });
    return app.strapi.db
      .connection('clearon_participations as p')
      .join('clearon_participations_campaign_lnk as l', 'l.participation_id', 'p.id')
      .join('clearon_campaigns as c', 'c.id', 'l.campaign_id')
      .where('c.document_id', campaign.documentId)
      .countDistinct({ n: 'p.id' })
      .then((rows) => Number(rows[0].n));
  };
  const couponsOf = async (slug: string) => {
    const campaign = await app.strapi.db
      .query('plugin::clearon.campaign')
      .findOne({ where: { slug }, select: ['documentId'] });
    return count('clearon_coupons', { campaign_document_id: campaign.documentId });
  };

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { ...BASE_CONFIG, limits: { recipientPerDay: 3 } },
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('makes a new campaign `once` by default', async () => {
    const created = await publishCampaign(app.strapi, ruled('default-once', {}));
    const row = await app.strapi.db
      .query('plugin::clearon.campaign')
      .findOne({ where: { documentId: created.documentId } });
    expect(row.participationLimit).toBe('once');
  });

  it('answers 409 to the same person a second time: same email in another case, or same phone', async () => {
    await publishCampaign(app.strapi, ruled('once', { participationLimit: 'once' }));
    await submit('once', person('grace@example.se')).expect(201);

    const again = await submit('once', person('  Grace@Example.SE ')).expect(409);
    expect(again.body.error).toMatchObject({
      status: 409,
      name: 'ParticipationLimitError',
      message: 'You have already taken part in this campaign',
      details: { reason: 'once' },
    });

    await submit(
      'once',
      person('linus@example.se', { deliveryType: 'sms', phone: '+46701234567' })
    ).expect(201);
    const samePhone = await submit(
      'once',
      person('other@example.se', { deliveryType: 'sms', phone: '070-123 45 67' })
    ).expect(409);
    expect(samePhone.body.error.details.reason).toBe('once');

    // Without normalizeEmailAliases, a +tag is another address.
    await submit('once', person('grace+1@example.se')).expect(201);
    expect(await participationsOf('once')).toBe(3);
    expect(await couponsOf('once')).toBe(3);
  });

  it('lets exactly one of 20 simultaneous participations of one person in (from 20 addresses)', async () => {
    await publishCampaign(app.strapi, ruled('race-once', { participationLimit: 'once' }));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => submit('race-once', person('racer@example.se')))
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    expect(await participationsOf('race-once')).toBe(1);
    expect(await couponsOf('race-once')).toBe(1);
  });

  it('answers a replayed Idempotency-Key with the first participation, not a 409', async () => {
    await publishCampaign(app.strapi, ruled('keyed-once', { participationLimit: 'once' }));
    const key = randomUUID();
    const post = () =>
      request(app.server)
        .post('/api/clearon/campaigns/keyed-once/participations')
        .set('Idempotency-Key', key)
        .send({ answers: person('keyed@example.se') });
    const first = await post().expect(201);
    const again = await post().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);
    await submit('keyed-once', person('keyed@example.se')).expect(409);
  });

  it('lets a person in again once the period is over, and says when (oncePerPeriod)', async () => {
    await publishCampaign(
      app.strapi,
      ruled('daily', { participationLimit: 'oncePerPeriod', limitPeriodHours: 24 })
    );
    const before = Date.now();
    await submit('daily', person('period@example.se')).expect(201);
    const again = await submit('daily', person('period@example.se')).expect(409);
    expect(again.body.error.details.reason).toBe('period');
    const retryAt = Date.parse(again.body.error.details.retryAt);
    expect(retryAt).toBeGreaterThanOrEqual(before + 24 * 3600_000 - 1000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 24 * 3600_000 + 1000);

    // A day later (the stored time moved back), the same person is welcome again.
    await app.strapi.db
      .connection('clearon_limit_counters')
      .where('scope', 'like', 'person:%')
      .update({ last_at_ms: Date.now() - 25 * 3600_000 });
    await submit('daily', person('period@example.se')).expect(201);
  });

  it('keeps the limit after the person is erased, without keeping their email', async () => {
    await publishCampaign(app.strapi, ruled('erased', { participationLimit: 'once' }));
    await submit('erased', person('forget.me@example.se')).expect(201);
    await app.strapi.plugin('clearon').service('privacy').eraseContact({
      email: 'forget.me@example.se',
    });
    expect(await count('clearon_participations', { email: 'forget.me@example.se' })).toBe(0);
    const rows = await app.strapi.db.connection('clearon_limit_counters').select('subject');
    expect(JSON.stringify(rows)).not.toContain('forget.me');
    expect(
      (await submit('erased', person('forget.me@example.se')).expect(409)).body.error.details
    ).toMatchObject({ reason: 'once' });
  });

  it('refuses `unlimited` on a campaign with a coupon unless the editor ticks the override', async () => {
    await expect(
      publishCampaign(app.strapi, ruled('farm', { participationLimit: 'unlimited' }))
    ).rejects.toMatchObject({
      name: 'ValidationError',
      details: {
        errors: [expect.objectContaining({ path: ['participationLimit'] })],
      },
    });
    await publishCampaign(
      app.strapi,
      ruled('farm', { participationLimit: 'unlimited', allowUnlimitedWithCoupon: true })
    );
    await submit('farm', person('farmer@example.se')).expect(201);
    await submit('farm', person('farmer@example.se')).expect(201);
  });

  it('sends one recipient at most recipientPerDay coupons in 24 h, across campaigns', async () => {
    for (const slug of ['day-1', 'day-2', 'day-3', 'day-4']) {
      await publishCampaign(app.strapi, ruled(slug, { participationLimit: 'once' }));
    }
    const victim = { deliveryType: 'sms', phone: '+46709999999' };
    for (const [i, slug] of ['day-1', 'day-2', 'day-3'].entries()) {
      await submit(slug, person(`sender${i}@example.se`, victim)).expect(201);
    }
    const fourth = await submit('day-4', person('sender4@example.se', victim)).expect(409);
    expect(fourth.body.error.details.reason).toBe('recipient_daily_limit');
    expect(Date.parse(fourth.body.error.details.retryAt)).toBeGreaterThan(Date.now());
    expect(await participationsOf('day-4')).toBe(0);
    expect(await couponsOf('day-4')).toBe(0);
  });

  it('issues exactly 10 coupons to 50 simultaneous people against a cap of 10', async () => {
    const campaign = ruled('capped', { participationLimit: 'once', maxCoupons: 10 });
    campaign.exitScreens = [
      { ...campaign.exitScreens[0], noCouponsText: 'Sorry, all gone!' } as never,
    ];
    await publishCampaign(app.strapi, campaign);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => submit('capped', person(`cap${i}@example.se`)))
    );
    expect(answers.map((res) => res.status)).toEqual(Array(50).fill(201));
    const coupons = answers.map((res) => res.body.data.coupon);
    const unavailable = coupons.filter((c) => c.status === 'unavailable');
    expect(unavailable).toHaveLength(40);
    expect(unavailable[0]).toEqual({
      status: 'unavailable',
      reason: 'cap_reached',
      message: 'Sorry, all gone!',
    });
    expect(coupons.filter((c) => c.status === 'pending')).toHaveLength(10);
    expect(await participationsOf('capped')).toBe(50);
    expect(await couponsOf('capped')).toBe(10);

    // The participant's own read answers the same.
    const late = answers.find((res) => res.body.data.coupon.status === 'unavailable')!;
    const read = await request(app.server)
      .get(`/api/clearon/participations/${late.body.data.id}`)
      .set('X-Participation-Token', late.body.data.token)
      .expect(200);
    expect(read.body.data.coupon).toMatchObject({ status: 'unavailable', reason: 'cap_reached' });
  });

  it('answers a filled honeypot like a success, writes nothing, and counts it', async () => {
    const { documentId } = await publishCampaign(
      app.strapi,
      ruled('sticky', { participationLimit: 'once' })
    );
    const bot = await submit('sticky', person('bot@example.se'), { website: 'http://spam' }).expect(
      201
    );
    expect(bot.body.data).toMatchObject({ id: expect.stringMatching(/^[a-z0-9]{24}$/) });
    expect(bot.body.data.exitScreen.title).toBe('Thanks !');
    expect(await participationsOf('sticky')).toBe(0);
    expect(await couponsOf('sticky')).toBe(0);
    const stock = await app.strapi.plugin('clearon').service('limits').stock();
    expect(stock).toContainEqual(
      expect.objectContaining({ campaignDocumentId: documentId, honeypotHits: 1 })
    );
    // An empty honeypot is a person.
    await submit('sticky', person('human@example.se'), { website: '' }).expect(201);
    const wrongType = await submit('sticky', person('x@example.se'), { website: 1 }).expect(400);
    expect(wrongType.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['website'] }),
    ]);
  });

  it('holds the same rules for a participation created in code (the Content Manager path)', async () => {
    const { documentId } = await publishCampaign(
      app.strapi,
      ruled('in-code', { participationLimit: 'once' })
    );
    await submit('in-code', person('coded@example.se')).expect(201);
    await expect(
      app.strapi.documents('plugin::clearon.participation').create({
        data: {
          campaign: documentId,
          answers: person('coded@example.se'),
          email: 'coded@example.se',
        },
      } as never)
    ).rejects.toMatchObject({ name: 'ParticipationLimitError' });
    expect(await participationsOf('in-code')).toBe(1);
  });
});

describe('normalizeEmailAliases', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { ...BASE_CONFIG, limits: { normalizeEmailAliases: true } },
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('makes +tags and Gmail dots the same person', async () => {
    await publishCampaign(app.strapi, ruled('aliases', { participationLimit: 'once' }));
    const post = (email: string) =>
      request(app.server)
        .post('/api/clearon/campaigns/aliases/participations')
        .send({ answers: person(email) });
    await post('ada.lovelace@gmail.com').expect(201);
    await post('adalovelace+coupons@googlemail.com').expect(409);
    await post('A.Da.Love.Lace+2@Gmail.com').expect(409);
    await post('ada+1@example.se').expect(201);
    await post('ada+2@example.se').expect(409);
  });
});
