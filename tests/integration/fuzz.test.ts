import fc from 'fast-check';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

/**
 * The public POST against random JSON: never a 500, and never a participation from an invalid body.
 * Bodies come in two kinds: anything at all (random JSON values and random objects), and
 * near-valid participations assembled from labelled parts (valid and invalid names, emails,
 * delivery types, phones, extra keys) whose validity is known by construction.
 */

const RUNS_ANYTHING = 700;
const RUNS_ASSEMBLED = 700;
/** fast-check prints the seed of a failing run: FUZZ_SEED=<seed> runs the same bodies again. */
const SEED = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};

type Part = { value?: unknown; valid: boolean; blank?: boolean };

const absent: Part = { valid: true, blank: true };
const part = (value: unknown, valid: boolean, blank = false): Part => ({ value, valid, blank });

/** No NUL and no unpaired surrogate: the databases cannot store those (see the test below). */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (s: string) => !s.includes('\u0000') && !UNPAIRED_SURROGATE.test(s);

/** Mostly valid parts (4 in 5), so that whole bodies are valid often enough to matter. */
const mostly = (valid: fc.Arbitrary<Part>, invalid: fc.Arbitrary<Part>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const firstname = mostly(
  fc.oneof(
    fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() !== '')
      .map((s) => part(s, true)),
    fc
      .string({ unit: 'binary', minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() !== '' && storable(s))
      .map((s) => part(s, true)),
    fc.constantFrom(
      part('Åsa Öberg', true),
      part('  Ada  ', true),
      // The first name is stored in a column of 200 characters: longer ones are refused (400).
      part('x'.repeat(200), true),
      part('\u202eevil\u0001', true)
    )
  ),
  // missing, blank, wrong types, oversized
  fc.constantFrom(
    { valid: false, blank: true } as Part,
    part('', false, true),
    part('   ', false, true),
    part(null, false, true),
    part(42, false),
    part(true, false),
    part({ $ne: 1 }, false),
    part(['Ada'], false),
    part('x'.repeat(201), false),
    part('x'.repeat(501), false)
  )
);

const email = mostly(
  fc.oneof(
    fc
      .tuple(
        fc.stringMatching(/^[a-z0-9]{1,12}$/),
        fc.stringMatching(/^[a-z0-9]{1,12}$/),
        fc.constantFrom('se', 'com', 'org')
      )
      .map(([local, domain, tld]) => part(`${local}@${domain}.${tld}`, true)),
    fc.constantFrom(
      part('Ada.Lovelace+tag@Example.COM', true),
      part(' spaced@example.org ', true),
      absent,
      part('', true, true),
      part(null, true, true)
    )
  ),
  fc.constantFrom(
    part('no-at-sign', false),
    part('a@b', false),
    part('a @example.se', false),
    part('a@@example.se', false),
    part(`${'a'.repeat(250)}@example.se`, false),
    part(12345, false),
    part(false, false),
    part({ email: 'a@example.se' }, false),
    part(['a@example.se'], false)
  )
);

const delivery = mostly(
  // ' sms' is trimmed into the choice "sms" (and then shows the phone field like "sms").
  fc.constantFrom(part('email', true), part('sms', true), part(' sms', true)),
  fc.constantFrom(
    { valid: false, blank: true } as Part,
    part('', false, true),
    part('fax', false),
    part('EMAIL', false),
    part(1, false),
    part(['sms'], false)
  )
);

const phone = mostly(
  fc.constantFrom(
    part('+46701234567', true),
    part('0701234567', true),
    part('070-765 43 21', true),
    part('+33612345678', true),
    absent,
    part('', true, true)
  ),
  fc.constantFrom(
    part('123', false),
    part('not a phone', false),
    part('+4670', false),
    part(46701234567, false),
    part('+46'.padEnd(40, '7'), false)
  )
);

/** Now and then (1 in 10) an extra key that makes the body invalid. */
const rarely = <T>(values: T[]) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 9 },
    { arbitrary: fc.constantFrom(...values), weight: 1 }
  );

/**
 * Strapi's body parser refuses a JSON body with a `__proto__` key anywhere in it (400, "Object
 * contains forbidden prototype property"), before the plugin sees it.
 */
const hasProtoKey = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(hasProtoKey)
    : value !== null &&
      typeof value === 'object' &&
      Object.keys(value).some((key) => key === '__proto__' || hasProtoKey((value as never)[key]));

/** A participation body and whether the public POST must accept it. */
const assembled = fc
  .record({
    firstname,
    email,
    delivery,
    phone,
    source: fc.option(fc.jsonValue(), { nil: undefined }),
    unknownKey: rarely(['isAdmin', 'score', '__proto__x', 'Email', 'firstName']),
    extraTopLevel: rarely(['admin', 'token', 'id']),
  })
  .map(({ firstname, email, delivery, phone, source, unknownKey, extraTopLevel }) => {
    const answers: Record<string, unknown> = {};
    const put = (key: string, p: Part) => {
      if ('value' in p) answers[key] = p.value;
    };
    put('firstname', firstname);
    put('email', email);
    put('deliveryType', delivery);
    put('phone', phone);
    if (source !== undefined) answers.source = source; // hidden field: its value is ignored
    if (unknownKey) answers[unknownKey] = 'x';
    const body: Record<string, unknown> = { answers };
    if (extraTopLevel) body[extraTopLevel] = true;

    const sms = delivery.valid && String(answers.deliveryType).trim() === 'sms';
    // The phone field shows (and is required) only when deliveryType is "sms".
    const phoneOk = sms ? phone.valid && !phone.blank : true;
    const hasEmail = email.valid && !email.blank;
    const valid =
      firstname.valid &&
      email.valid &&
      delivery.valid &&
      phoneOk &&
      // The campaign is identified: an email, or a phone for SMS.
      (hasEmail || (sms && phoneOk)) &&
      !unknownKey &&
      !extraTopLevel &&
      !hasProtoKey(source);
    return { body, valid };
  });

/** Anything at all: JSON values, objects with random keys, random `answers`. */
const anything = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.string(), fc.jsonValue()),
  fc.record({ answers: fc.jsonValue() }),
  fc.record({
    answers: fc.dictionary(
      fc.oneof(
        fc.constantFrom('firstname', 'email', 'deliveryType', 'phone', 'source'),
        fc.string()
      ),
      fc.jsonValue()
    ),
  })
);

describe('fuzzing the public POST /api/clearon/campaigns/:slug/participations', () => {
  let app: TestApp;
  let accepted = 0;
  const counts = { anything: 0, assembled: 0, assembledValid: 0 };

  const participations = async () =>
    Number((await app.strapi.db.connection('clearon_participations').count({ n: '*' }))[0].n);
  const post = (body: unknown) =>
    request(app.server)
      .post('/api/clearon/campaigns/fuzz/participations')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: {
        worker: { enabled: false },
        buttonWaitMs: 0,
        rateLimit: { enabled: false },
        // The same addresses come back hundreds of times: the daily ceiling is not under test here.
        limits: { recipientPerDay: null },
      },
    });
    await publishCampaign(app.strapi, formCampaign('fuzz'));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it(`${RUNS_ANYTHING} random JSON bodies: never a 500, a participation only with a 201`, async () => {
    await fc.assert(
      fc.asyncProperty(anything, async (body) => {
        counts.anything += 1;
        const before = await participations();
        const res = await post(body);
        expect([400, 201]).toContain(res.status);
        const created = (await participations()) - before;
        expect(created).toBe(res.status === 201 ? 1 : 0);
        if (res.status === 201) accepted += 1;
        else expect(res.body.error.status).toBe(400);
      }),
      { numRuns: RUNS_ANYTHING, ...SEED }
    );
  });

  it(`${RUNS_ASSEMBLED} near-valid bodies: accepted exactly when valid`, async () => {
    await fc.assert(
      fc.asyncProperty(assembled, async ({ body, valid }) => {
        counts.assembled += 1;
        if (valid) counts.assembledValid += 1;
        const before = await participations();
        const res = await post(body);
        expect({ body, status: res.status }).toEqual({ body, status: valid ? 201 : 400 });
        expect((await participations()) - before).toBe(valid ? 1 : 0);
        if (valid) {
          accepted += 1;
          const row = await app.strapi.db
            .connection('clearon_participations')
            .where({ document_id: res.body.data.id })
            .first();
          expect(row.email ?? row.phone).toBeTruthy();
          expect(['email', 'sms']).toContain(row.delivery_type);
        }
      }),
      { numRuns: RUNS_ASSEMBLED, ...SEED }
    );
  });

  it('answers 400, never 500, for text no database can store: NUL, unpaired surrogates', async () => {
    for (const firstname of ['Ada\u0000Lovelace', '\u0000', 'evil\ud800', '\udc00x', 'a\ud83d']) {
      const before = await participations();
      const res = await post({
        answers: { firstname, email: 'ada@example.se', deliveryType: 'email' },
      });
      if (res.status === 201) accepted += 1;
      expect({ firstname, status: res.status }).toEqual({ firstname, status: 400 });
      expect(await participations()).toBe(before);
    }
    // A well-formed astral character (a surrogate pair) is fine.
    const ok = await post({
      answers: { firstname: 'Ada \ud83d\ude00', email: 'ada@example.se', deliveryType: 'email' },
    });
    expect(ok.status).toBe(201);
    accepted += 1;
  });

  it('answers 400 for a body with a __proto__ key anywhere (refused by Strapi), and saves nothing', async () => {
    const before = await participations();
    const res = await request(app.server)
      .post('/api/clearon/campaigns/fuzz/participations')
      .set('Content-Type', 'application/json')
      .send(
        '{"answers":{"firstname":"Ada","email":"ada@example.se","deliveryType":"email",' +
          '"source":[{"__proto__":""}]}}'
      );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/prototype/);
    expect(await participations()).toBe(before);
  });

  it('sent at least 1,000 bodies, valid ones among them', async () => {
    expect(counts.anything + counts.assembled).toBeGreaterThanOrEqual(1000);
    // The generators are not hollow: a fair share of assembled bodies were valid and accepted.
    expect(counts.assembledValid).toBeGreaterThan(RUNS_ASSEMBLED / 20);
    expect(accepted).toBe(await participations());
  });
});
