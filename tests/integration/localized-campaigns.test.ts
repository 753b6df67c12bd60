/**
 * Localised campaigns (Strapi's i18n plugin), in the database of the run: texts per locale, one
 * structure for all locales (refused with a 400 naming the field), `?locale=` on the public API,
 * and participation limits and coupon caps counted per campaign across its locales.
 */
import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { frenchForm, putLocale } from '../fixtures/localized-campaigns';

const UID = 'plugin::clearon.campaign';

type ErrorBody = { error: { status: number; details: { errors: { path: string[] }[] } } };
const paths = (body: ErrorBody) => body.error.details.errors.map((e) => e.path.join('.'));

describe('localised campaigns', () => {
  let app: TestApp;
  let ip = 0;

  const get = (path: string) => request(app.server).get(`/api/clearon${path}`);
  const submit = (slug: string, answers: Record<string, string>, locale?: string) => {
    ip += 1;
    return request(app.server)
      .post(`/api/clearon/campaigns/${slug}/participations${locale ? `?locale=${locale}` : ''}`)
      .set('X-Forwarded-For', `203.0.113.${ip % 250}`)
      .send({ answers });
  };
  const ada = (email: string, deliveryType = 'email') => ({
    firstname: 'Ada',
    email,
    deliveryType,
  });
  /** Publishes `slug` in en (the fixture) and fr (its translation), with `rules`. */
  const bilingual = async (slug: string, rules: Record<string, unknown> = {}) => {
    const { documentId } = await publishCampaign(app.strapi, { ...formCampaign(slug), ...rules });
    await putLocale(app.strapi, documentId, 'fr', frenchForm(slug), true);
    return documentId;
  };

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { worker: { enabled: false }, buttonWaitMs: 0, rateLimit: { enabled: false } },
    });
    const locales = app.strapi.plugin('i18n').service('locales');
    for (const [code, name] of [
      ['fr', 'French (fr)'],
      ['sv', 'Swedish (sv)'],
    ]) {
      if (!(await locales.findByCode(code))) await locales.create({ code, name });
    }
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('stores texts per locale and shares the structural settings between locales', async () => {
    const documentId = await bilingual('shared', { maxCoupons: 5 });
    const rows = await app.strapi.db
      .query(UID)
      .findMany({ where: { documentId }, select: ['locale', 'slug', 'title', 'maxCoupons'] });
    expect(rows.map((row: { locale: string }) => row.locale).sort()).toEqual([
      'en',
      'en',
      'fr',
      'fr',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ slug: 'shared', maxCoupons: 5 });
      expect(row.title).toBe(row.locale === 'fr' ? 'Formulaire shared' : 'Form shared');
    }
    // A shared setting changed in one locale is the campaign's in every locale.
    await app.strapi
      .documents(UID)
      .update({ documentId, locale: 'fr', data: { maxCoupons: 9 }, status: 'published' } as never);
    const caps = await app.strapi.db
      .query(UID)
      .findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['maxCoupons'] });
    expect(caps.map((row: { maxCoupons: number }) => row.maxCoupons)).toEqual([9, 9]);
  });

  it('answers in the locale asked for, the default locale otherwise, and lists the locales', async () => {
    await bilingual('hello');
    const en = await get('/campaigns/hello').expect(200);
    expect(en.body.data).toMatchObject({
      title: 'Form hello',
      locale: 'en',
      locales: ['en', 'fr'],
    });
    expect(en.body.data.fields[0].label).toBe('First name');

    const fr = await get('/campaigns/hello?locale=fr').expect(200);
    expect(fr.body.data).toMatchObject({ title: 'Formulaire hello', locale: 'fr' });
    expect(fr.body.data.locales).toEqual(['en', 'fr']);
    expect(fr.body.data.fields.map((f: { key: string }) => f.key)).toEqual(
      en.body.data.fields.map((f: { key: string }) => f.key)
    );
    expect(fr.body.data.fields[0].label).toBe('Prénom');
    expect(fr.body.data.fields[2].options).toEqual([
      { label: 'E-mail', value: 'email' },
      { label: 'SMS', value: 'sms' },
    ]);

    const list = await get('/campaigns?locale=fr').expect(200);
    expect(list.body.data).toContainEqual({
      slug: 'hello',
      title: 'Formulaire hello',
      format: 'form',
    });
  });

  it('answers 400 naming locale for a locale the campaign is not in, or a malformed one', async () => {
    await bilingual('unknown-locale');
    for (const locale of ['sv', 'de', 'not a locale']) {
      const { body } = await get(
        `/campaigns/unknown-locale?locale=${encodeURIComponent(locale)}`
      ).expect(400);
      expect(paths(body)).toEqual(['locale']);
    }
    const { body } = await submit('unknown-locale', ada('x@example.com'), 'sv').expect(400);
    expect(paths(body)).toEqual(['locale']);
  });

  it('serves a campaign that exists only in a non-default locale', async () => {
    await app.strapi.documents(UID).create({
      locale: 'sv',
      status: 'published',
      data: { ...formCampaign('bara-svenska', null), title: 'Bara svenska' },
    } as never);
    const { body } = await get('/campaigns/bara-svenska').expect(200);
    expect(body.data).toMatchObject({ title: 'Bara svenska', locale: 'sv', locales: ['sv'] });
    await submit('bara-svenska', ada('sv@example.se')).expect(201);
  });

  it('shows the exit screen in the locale the participant took part in, also when polled', async () => {
    await bilingual('exit');
    const { body } = await submit('exit', ada('lovelace@example.com'), 'fr').expect(201);
    expect(body.data.exitScreen.title).toBe('Merci Ada !');
    expect(body.data.exitScreen.html).toContain('Votre code');
    const polled = await request(app.server)
      .get(`/api/clearon/participations/${body.data.id}`)
      .set('X-Participation-Token', body.data.token)
      .expect(200);
    expect(polled.body.data.exitScreen.title).toBe('Merci Ada !');
    const row = await app.strapi.db
      .query('plugin::clearon.participation')
      .findOne({ where: { documentId: body.data.id }, select: ['campaignLocale'] });
    expect(row.campaignLocale).toBe('fr');
  });

  it('lets a person take part once per campaign, whatever the locale', async () => {
    await bilingual('once-everywhere', { participationLimit: 'once' });
    await submit('once-everywhere', ada('grace@example.com')).expect(201);
    const again = await submit('once-everywhere', ada('grace@example.com'), 'fr').expect(409);
    expect(again.body.error.name).toBe('ParticipationLimitError');
    // Someone else still may, in French.
    await submit('once-everywhere', ada('hopper@example.com'), 'fr').expect(201);
  });

  it('counts the coupon cap over all the locales of a campaign', async () => {
    const documentId = await bilingual('capped', { maxCoupons: 2 });
    await submit('capped', ada('a@example.com'), 'fr').expect(201);
    await submit('capped', ada('b@example.com')).expect(201);
    const third = await submit('capped', ada('c@example.com'), 'fr').expect(201);
    expect(third.body.data.coupon).toMatchObject({ status: 'unavailable', reason: 'cap_reached' });
    const coupons = await app.strapi.db
      .connection('clearon_coupons')
      .where({ campaign_document_id: documentId })
      .count({ n: '*' });
    expect(Number(coupons[0].n)).toBe(2);
  });

  it('refuses a locale whose structure differs, naming the field', async () => {
    const documentId = await bilingual('structure');
    const french = frenchForm('structure');
    const changed = (index: number, patch: Record<string, unknown>) => ({
      ...french,
      fields: french.fields.map((field, i) => (i === index ? { ...field, ...patch } : field)),
    });
    const refusals: [unknown, string][] = [
      [changed(1, { key: 'courriel' }), 'fields.1.key'],
      [
        changed(2, {
          options: [
            { label: 'E-mail', value: 'mail' },
            { label: 'SMS', value: 'sms' },
          ],
        }),
        'fields.2.options.0.value',
      ],
      [{ ...french, fields: french.fields.slice(0, 3) }, 'fields'],
      [
        {
          ...french,
          exitScreens: [
            {
              ...french.exitScreens[0],
              coupon: { couponCode: 'AUTRE', validityDays: 30, delivery: 'button' },
            },
          ],
        },
        'exitScreens.0.coupon',
      ],
    ];
    for (const [data, path] of refusals) {
      await expect(
        app.strapi.documents(UID).update({ documentId, locale: 'fr', data } as never)
      ).rejects.toMatchObject({
        details: { errors: [expect.objectContaining({ path: path.split('.') })] },
      });
    }
    // A new locale is checked too, and texts alone may differ.
    await expect(
      putLocale(app.strapi, documentId, 'sv', { ...french, questions: [], fields: [] }, false)
    ).rejects.toMatchObject({
      details: { errors: expect.arrayContaining([expect.objectContaining({ path: ['fields'] })]) },
    });
    await putLocale(app.strapi, documentId, 'sv', { ...french, title: 'Formulär' }, true);
    const { body } = await get('/campaigns/structure?locale=sv').expect(200);
    expect(body.data.title).toBe('Formulär');
  });

  it('keeps one slug per campaign: a new locale takes it, another campaign cannot', async () => {
    const documentId = await bilingual('one-slug');
    const { slug: _slug, ...noSlug } = frenchForm('one-slug');
    await putLocale(app.strapi, documentId, 'sv', noSlug, false);
    const sv = await app.strapi.db.query(UID).findOne({ where: { documentId, locale: 'sv' } });
    expect(sv.slug).toBe('one-slug');

    const other = await publishCampaign(app.strapi, formCampaign('other-slug'));
    await expect(
      putLocale(app.strapi, other.documentId, 'fr', frenchForm('one-slug'), false)
    ).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['slug'] })] } });

    // A slug changed in one locale is the campaign's new slug in every locale, once published.
    await putLocale(app.strapi, documentId, 'fr', { slug: 'un-seul-slug' }, true);
    const drafts = await app.strapi.db
      .query(UID)
      .findMany({ where: { documentId, publishedAt: null }, select: ['locale', 'slug'] });
    expect(drafts.map((row: { slug: string }) => row.slug)).toEqual([
      'un-seul-slug',
      'un-seul-slug',
      'un-seul-slug',
    ]);
    await app.strapi.documents(UID).publish({ documentId, locale: 'en' } as never);
    const { body } = await get('/campaigns/un-seul-slug').expect(200);
    expect(body.data).toMatchObject({ locale: 'en', locales: ['en', 'fr'] });
  });

  it('serves a translation left behind by a change of structure only once it is in line again', async () => {
    const documentId = await bilingual('behind');
    // The editor adds a field to the default locale and publishes it; the French is not updated.
    const english = formCampaign('behind');
    await app.strapi.documents(UID).update({
      documentId,
      locale: 'en',
      status: 'published',
      data: { fields: [...english.fields, { key: 'city', label: 'City', type: 'text' }] },
    } as never);
    const en = await get('/campaigns/behind').expect(200);
    expect(en.body.data.locales).toEqual(['en']);
    await get('/campaigns/behind?locale=fr').expect(400);
    // Editing the French without the new field is refused; with it, it is served again.
    const french = frenchForm('behind');
    await expect(
      app.strapi
        .documents(UID)
        .update({ documentId, locale: 'fr', data: { title: 'Nouveau' } } as never)
    ).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['fields'] })] },
    });
    await putLocale(
      app.strapi,
      documentId,
      'fr',
      {
        ...french,
        fields: [...french.fields, { key: 'city', label: 'Ville', type: 'text' }],
      },
      true
    );
    const fr = await get('/campaigns/behind?locale=fr').expect(200);
    expect(fr.body.data.fields.at(-1)).toMatchObject({ key: 'city', label: 'Ville' });
  });
});
