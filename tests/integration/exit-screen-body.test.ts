import request from 'supertest';
import { Parser } from 'htmlparser2';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { authHeader, createSuperAdmin } from '../harness/admin';
import { paragraphs, publishCampaign } from '../fixtures/campaigns';
import { getService } from '../../server/src/utils/get-service';

const EXIT_SCREENS = 'components_clearon_exit_screens';
const MIGRATION = 'clearon::exit-screen-body-to-blocks';

/** Every element of an HTML fragment, as a browser's parser reads it. */
const elements = (html: string) => {
  const found: { name: string; attributes: Record<string, string> }[] = [];
  const parser = new Parser({
    onopentag: (name, attributes) => found.push({ name, attributes }),
  });
  parser.write(html);
  parser.end();
  return found;
};

/** Nothing executable: no script element, no on* attribute, URLs only http(s)/mailto/tel (or /uploads). */
const expectInert = (html: string) => {
  for (const { name, attributes } of elements(html)) {
    expect(name).not.toMatch(/^(script|iframe|object|embed|style|svg|math)$/);
    for (const [attribute, value] of Object.entries(attributes)) {
      expect(attribute).not.toMatch(/^on/i);
      if (attribute === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:|tel:)/);
      if (attribute === 'src') expect(value).toMatch(/^(https?:\/\/|\/uploads\/)/);
    }
  }
  expect(html).not.toMatch(/<script|javascript:|data:/i);
};

const text = (value: string) => ({ type: 'text', text: value });
const link = (url: string, label: string) => ({ type: 'link', url, children: [text(label)] });

const IMAGE = {
  name: 'pic.png',
  alternativeText: '" onerror="alert(1)',
  url: '/uploads/pic.png',
  caption: null,
  width: 10,
  height: 10,
  formats: null,
  hash: 'pic',
  ext: '.png',
  mime: 'image/png',
  size: 1,
  previewUrl: null,
  provider: 'local',
  provider_metadata: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const FIELDS = [
  { key: 'firstname', label: 'First name', type: 'text' },
  { key: 'email', label: 'Email', type: 'email', required: true },
  { key: 'homepage', label: 'Home page', type: 'text' },
  // Fixed by the editor; its sample value in the preview is this value too.
  { key: 'promo', label: 'Promo', type: 'hidden', hiddenValue: 'javascript:alert(1)' },
];

const campaign = (slug: string, title: string, body: unknown) => ({
  title: `Exit screen ${slug}`,
  slug,
  mode: 'identified',
  format: 'form',
  participationLimit: 'unlimited',
  fields: FIELDS,
  exitScreens: [{ title, body, match: 'default', coupon: null }],
});

/** The participant: a script as first name, `javascript:alert(1)` as home page. */
const ANSWERS = {
  firstname: '<script>alert(1)</script>',
  email: 'ada@example.com',
  homepage: 'javascript:alert(1)',
};

const LEGACY_HTML =
  '<h2>Hello {firstname}</h2><p>Your code: <strong>{coupon.code}</strong></p>' +
  '<script>alert(1)</script><p><img src="x" onerror="alert(1)">Visit <a href="{homepage}">your site</a>, ' +
  '<a href="{promo}">the promo</a>, <a href="javascript:alert(2)">this</a> or ' +
  '<a href="mailto:{email}" onclick="alert(3)">write</a>.</p><ul><li>one</li><li><em>two</em></li></ul>';

describe('exit screen bodies: Blocks rich text, nothing executable, legacy bodies migrated', () => {
  let database: TestDatabase;
  let app: TestApp | undefined;
  let token: string;

  const participate = async (slug: string) => {
    const res = await request(app!.server)
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .send({ answers: ANSWERS })
      .expect(201);
    return res.body.data.exitScreen as { title: string; blocks: unknown[]; html: string };
  };
  const preview = async (documentId: string) => {
    const res = await request(app!.server)
      .get(`/clearon/campaigns/${documentId}/preview`)
      .query({ status: 'published' })
      .set(authHeader(token))
      .expect(200);
    return res.body.data.exitScreens[0] as { title: string; blocks: unknown[]; html: string };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await bootStrapi({ database });
    ({ token } = await createSuperAdmin(app));
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('renders a published body with <script>, onerror= and a javascript: link placeholder as inert HTML', async () => {
    const { documentId } = await publishCampaign(
      app!.strapi,
      campaign('xss', 'XSS {firstname}', [
        {
          type: 'paragraph',
          children: [
            text('<script>alert(1)</script>Hi {firstname} '),
            text('<img src=x onerror=alert(1)>'),
          ],
        },
        { type: 'image', image: IMAGE, children: [text('')] },
        {
          type: 'paragraph',
          children: [
            link('https://example.com/?u={homepage}', 'my site'),
            text(' '),
            link('https://example.com/?p={promo}', 'the promo'),
          ],
        },
      ])
    );
    // Strapi's editor only takes full URLs; a link whose URL is only a placeholder comes from data
    // written otherwise (a migrated HTML body, code): written here as such, in every version.
    await app!.strapi.db.query('clearon.exit-screen' as never).updateMany({
      where: { title: 'XSS {firstname}' },
      data: {
        body: [
          ...(
            (
              await app!.strapi.db
                .query('clearon.exit-screen' as never)
                .findOne({ where: { title: 'XSS {firstname}' } })
            ).body as unknown[]
          ).slice(0, 2),
          {
            type: 'paragraph',
            children: [link('{homepage}', 'my site'), text(' '), link('{promo}', 'the promo')],
          },
        ],
      },
    });
    getService(app!.strapi, 'campaigns').clearCache();

    const screen = await participate('xss');
    expectInert(screen.html);
    expect(screen.title).toBe('XSS &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(screen.html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;Hi &lt;script&gt;alert(1)&lt;/script&gt; ' +
        '&lt;img src=x onerror=alert(1)&gt;</p>' +
        '<img src="/uploads/pic.png" alt="&quot; onerror=&quot;alert(1)" width="10" height="10" />' +
        '<p>my site the promo</p>'
    );
    // The blocks: the values as plain text, the javascript: links turned into their text.
    expect(screen.blocks[0]).toEqual({
      type: 'paragraph',
      children: [
        text('<script>alert(1)</script>Hi <script>alert(1)</script> '),
        text('<img src=x onerror=alert(1)>'),
      ],
    });
    expect(screen.blocks[2]).toEqual({
      type: 'paragraph',
      children: [text('my site'), text(' '), text('the promo')],
    });
    expect(JSON.stringify(screen.blocks)).not.toMatch(/javascript:/);

    const sample = await preview(documentId);
    expectInert(sample.html);
    expect(sample.html).toContain('<p>my site the promo</p>');
    expect(JSON.stringify(sample.blocks)).not.toMatch(/javascript:/);
  });

  it('migrates legacy text and HTML bodies to Blocks when the plugin is upgraded', async () => {
    const { documentId } = await publishCampaign(
      app!.strapi,
      campaign('legacy', 'Legacy', paragraphs('replaced below'))
    );
    const { documentId: textId } = await publishCampaign(
      app!.strapi,
      campaign('legacy-text', 'Legacy text', paragraphs('x'))
    );

    // Back to the previous version's database: a text column, bodies written as text or HTML, the
    // migration not run yet.
    const db = app!.strapi.db.connection;
    if (database.client === 'postgres')
      await db.raw(`ALTER TABLE ${EXIT_SCREENS} ALTER COLUMN body TYPE text USING body::text`);
    if (database.client === 'mysql')
      await db.raw(`ALTER TABLE ${EXIT_SCREENS} MODIFY body LONGTEXT`);
    await db(EXIT_SCREENS).where({ title: 'Legacy' }).update({ body: LEGACY_HTML });
    await db(EXIT_SCREENS)
      .where({ title: 'Legacy text' })
      .update({ body: 'Thanks {firstname}!\nSee you.\n\nYour code: {coupon.code}' });
    await db('strapi_migrations_internal').where({ name: MIGRATION }).del();
    await app!.stop();
    app = undefined;

    // The new version boots on it: the migration runs before the schema sync changes the column.
    app = await bootStrapi({ database });
    ({ token } = await createSuperAdmin(app));
    const done = await app.strapi.db
      .connection('strapi_migrations_internal')
      .where({ name: MIGRATION });
    expect(done).toHaveLength(1);
    if (database.client === 'postgres') {
      // The schema sync that followed changed the column's type, every row being JSON by then.
      const column = await app.strapi.db.connection.raw(
        `SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = 'body'`,
        [EXIT_SCREENS]
      );
      expect(column.rows.map((row: { data_type: string }) => row.data_type)).toEqual(['jsonb']);
    }

    const stored = await app.strapi.db
      .query('clearon.exit-screen' as never)
      .findMany({ where: { title: { $in: ['Legacy', 'Legacy text'] } } });
    expect(stored.length).toBe(4); // draft and published of each
    const html = stored.find((row: { title: string }) => row.title === 'Legacy');
    expect(html.body).toEqual([
      { type: 'heading', level: 2, children: [text('Hello {firstname}')] },
      {
        type: 'paragraph',
        children: [text('Your code: '), { type: 'text', text: '{coupon.code}', bold: true }],
      },
      {
        type: 'paragraph',
        children: [
          text('Visit '),
          link('{homepage}', 'your site'),
          text(', '),
          link('{promo}', 'the promo'),
          text(', this or '),
          link('mailto:{email}', 'write'),
          text('.'),
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [text('one')] },
          { type: 'list-item', children: [{ type: 'text', text: 'two', italic: true }] },
        ],
      },
    ]);
    const plain = stored.find((row: { title: string }) => row.title === 'Legacy text');
    expect(plain.body).toEqual(
      paragraphs('Thanks {firstname}!\nSee you.', 'Your code: {coupon.code}')
    );

    const screen = await participate('legacy');
    expectInert(screen.html);
    expect(screen.html).toBe(
      '<h2>Hello &lt;script&gt;alert(1)&lt;/script&gt;</h2><p>Your code: </p>' +
        '<p>Visit your site, the promo, this or <a href="mailto:ada@example.com">write</a>.</p>' +
        '<ul><li>one</li><li><em>two</em></li></ul>'
    );
    const sample = await preview(documentId);
    expectInert(sample.html);
    expect(sample.html).toContain(
      '<p>Visit your site, the promo, this or <a href="mailto:alex@example.com">write</a>.</p>'
    );

    expect((await participate('legacy-text')).html).toBe(
      '<p>Thanks &lt;script&gt;alert(1)&lt;/script&gt;!<br />See you.</p><p>Your code: </p>'
    );

    // Saved again as the Content Manager does (every exit screen sent back): the migrated blocks
    // are valid Strapi blocks; a link whose URL is only a placeholder is refused by Strapi's
    // validator until the editor gives a full URL (docs/editors.md).
    const save = (slug: string, body: unknown, title: string) =>
      app!.strapi.documents('plugin::clearon.campaign' as never).update({
        documentId: slug === 'legacy' ? documentId : textId,
        data: { exitScreens: [{ title, body, match: 'default', coupon: null }] },
      } as never);
    await expect(save('legacy-text', plain.body, 'Legacy text')).resolves.toBeTruthy();
    const refused = await save('legacy', html.body, 'Legacy').catch((error: unknown) => error);
    expect(
      (refused as { details: { errors: { path: string[]; message: string }[] } }).details.errors
    ).toEqual([
      expect.objectContaining({
        path: ['exitScreens', '0', 'body', '2', 'children', '1', 'url'],
        message: 'Please specify a valid link.',
      }),
      expect.objectContaining({
        path: ['exitScreens', '0', 'body', '2', 'children', '3', 'url'],
        message: 'Please specify a valid link.',
      }),
    ]);
    const fixed = JSON.parse(
      JSON.stringify(html.body).replace(
        /"url":"\{(homepage|promo)\}"/g,
        '"url":"https://example.com/"'
      )
    );
    await expect(save('legacy', fixed, 'Legacy')).resolves.toBeTruthy();
  });
});
