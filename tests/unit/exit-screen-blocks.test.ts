import {
  blocksToHtml,
  fillBlocks,
  legacyBodyToBlocks,
  renderExitScreenBody,
} from '../../server/src/domain/blocks';
import { safeImageUrl, safeLinkUrl } from '../../server/src/domain/blocks/links';
import { sanitizeOutputHtml } from '../../server/src/domain/blocks/sanitize';
import { migratedBody } from '../../server/src/migrations/exit-screen-body-to-blocks';

const text = (value: string, marks: Record<string, boolean> = {}) => ({
  type: 'text',
  text: value,
  ...marks,
});
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
const link = (url: string, label: string) => ({ type: 'link', url, children: [text(label)] });
const render = (blocks: unknown[], variables: Record<string, unknown> = {}) =>
  renderExitScreenBody(blocks, variables);

describe('exit screen blocks to HTML', () => {
  it('renders paragraphs, with line breaks', () => {
    expect(render([paragraph(text('Hello\nworld'))]).html).toBe('<p>Hello<br />world</p>');
  });

  it('renders headings of every level, and clamps a wrong one', () => {
    const html = render(
      [1, 2, 3, 4, 5, 6, 9].map((level) => ({
        type: 'heading',
        level,
        children: [text(`h${level}`)],
      }))
    ).html;
    expect(html).toBe(
      '<h1>h1</h1><h2>h2</h2><h3>h3</h3><h4>h4</h4><h5>h5</h5><h6>h6</h6><h2>h9</h2>'
    );
  });

  it('renders ordered, unordered and nested lists', () => {
    const blocks = [
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [text('one')] },
          {
            type: 'list',
            format: 'ordered',
            indentLevel: 1,
            children: [{ type: 'list-item', children: [text('one.a')] }],
          },
          { type: 'list-item', children: [text('two')] },
        ],
      },
    ];
    expect(render(blocks).html).toBe('<ul><li>one<ol><li>one.a</li></ol></li><li>two</li></ul>');
  });

  it('renders quotes and code blocks, code escaped', () => {
    const html = render([
      { type: 'quote', children: [text('Wise words')] },
      { type: 'code', language: 'html', children: [text('<img src=x onerror=alert(1)>')] },
    ]).html;
    expect(html).toBe(
      '<blockquote>Wise words</blockquote><pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>'
    );
  });

  it('renders the text modifiers', () => {
    const html = render([
      paragraph(
        text('b', { bold: true }),
        text('i', { italic: true }),
        text('u', { underline: true }),
        text('s', { strikethrough: true }),
        text('c', { code: true }),
        text('all', { bold: true, italic: true, underline: true, strikethrough: true, code: true })
      ),
    ]).html;
    expect(html).toBe(
      '<p><strong>b</strong><em>i</em><u>u</u><s>s</s><code>c</code>' +
        '<strong><em><u><s><code>all</code></s></u></em></strong></p>'
    );
  });

  it('renders links to http, https, mailto and tel only', () => {
    const html = render([
      paragraph(
        link('https://example.com/a?b=1&c=2', 'web'),
        link('http://example.com', 'plain'),
        link('mailto:ada@example.com', 'mail'),
        link('tel:+46701234567', 'call'),
        link('javascript:alert(1)', 'js'),
        link('JaVaScRiPt:alert(1)', 'JS'),
        link('java\tscript:alert(1)', 'tab'),
        link('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data'),
        link('vbscript:msgbox(1)', 'vb'),
        link('/relative', 'rel'),
        link('//evil.example', 'protocol-relative')
      ),
    ]).html;
    expect(html).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2">web</a><a href="http://example.com/">plain</a>' +
        '<a href="mailto:ada@example.com">mail</a><a href="tel:+46701234567">call</a>' +
        'jsJStabdatavbrelprotocol-relative</p>'
    );
  });

  it('renders media library images with their alternative text, never data: or javascript:', () => {
    const image = (url: string, alternativeText: string) => ({
      type: 'image',
      image: { url, alternativeText, width: 640, height: 480, name: 'x.png' },
      children: [text('')],
    });
    const { blocks, html } = render([
      image('/uploads/x.png', 'A "quoted" alt onerror=alert(1)'),
      image('https://cdn.example.com/y.png', 'cdn'),
      image('data:image/png;base64,AAAA', 'data'),
      image('javascript:alert(1)', 'js'),
      image('//evil.example/z.png', 'protocol-relative'),
    ]);
    expect(html).toBe(
      '<img src="/uploads/x.png" alt="A &quot;quoted&quot; alt onerror=alert(1)" width="640" height="480" />' +
        '<img src="https://cdn.example.com/y.png" alt="cdn" width="640" height="480" />'
    );
    expect(blocks).toHaveLength(2);
  });

  it('fills placeholders as plain text, escaped in the HTML', () => {
    const { blocks, html } = render(
      [
        paragraph(
          text('Hi {firstname}, code '),
          text('{coupon.code}', { bold: true }),
          text('{missing}')
        ),
      ],
      { firstname: '<script>alert(1)</script>', 'coupon.code': '1234567' }
    );
    expect(blocks).toEqual(
      [paragraph(text('Hi <script>alert(1)</script>, code '), text('1234567', { bold: true }))].map(
        (block) => ({ ...block, children: [...block.children, text('')] })
      )
    );
    expect(html).toBe(
      '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;, code <strong>1234567</strong></p>'
    );
  });

  it('drops a link to its text when its URL becomes javascript: once filled', () => {
    const { blocks, html } = render(
      [
        paragraph(
          link('{website}', 'my site'),
          link('{coupon.redeemUrl}', 'coupon'),
          link('mailto:{email}', 'mail')
        ),
      ],
      {
        website: 'javascript:alert(1)',
        'coupon.redeemUrl': 'https://clearon.example/r/1',
        email: 'ada@example.com',
      }
    );
    expect(html).toBe(
      '<p>my site<a href="https://clearon.example/r/1">coupon</a><a href="mailto:ada@example.com">mail</a></p>'
    );
    expect(JSON.stringify(blocks)).not.toContain('javascript');
  });

  it('keeps only known nodes and properties', () => {
    const { blocks } = render([
      {
        type: 'paragraph',
        children: [{ type: 'text', text: 'x', onclick: 'alert(1)', bold: 'yes' }],
      },
      { type: 'script', children: [text('alert(1)')] },
      'not a node',
      null,
    ]);
    expect(blocks).toEqual([paragraph(text('x'))]);
  });

  it('does not trust its input: blocksToHtml checks links again, sanitize-html has the last word', () => {
    // Blocks that did not go through fillBlocks.
    expect(
      blocksToHtml([
        {
          type: 'paragraph',
          children: [{ type: 'link', url: 'javascript:alert(1)', children: [text('x')] }],
        },
      ] as never)
    ).toBe('<p>x</p>');
    expect(
      sanitizeOutputHtml(
        '<p onclick="x()" class="c" style="color:red">a<script>b</script><a href="javascript:x">c</a>' +
          '<img src="data:x" onerror="y"><iframe src="https://e"></iframe><a href="https://ok" target="_blank">ok</a></p>'
      )
    ).toBe('<p>a<a>c</a><img /><a href="https://ok">ok</a></p>');
  });

  it('returns nothing for an empty body', () => {
    expect(render([])).toEqual({ blocks: [], html: '' });
    expect(renderExitScreenBody(null, {})).toEqual({ blocks: [], html: '' });
  });
});

describe('link and image URL policy', () => {
  it('accepts the four schemes, refuses the rest', () => {
    expect(safeLinkUrl(' https://a.example ')).toBe('https://a.example/');
    expect(safeLinkUrl('\u0000javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('')).toBeNull();
    expect(safeLinkUrl(42)).toBeNull();
    expect(safeImageUrl('/uploads/a.png?x=1')).toBe('/uploads/a.png?x=1');
    expect(safeImageUrl('/\\evil.example/a.png')).toBeNull();
    expect(safeImageUrl('ftp://a.example/a.png')).toBeNull();
  });
});

describe('legacy bodies to blocks', () => {
  it('turns a plain text into paragraphs, keeping line breaks and placeholders', () => {
    expect(
      legacyBodyToBlocks('Thanks {firstname}!\nSee you.\n\n\nYour code: {coupon.code}')
    ).toEqual([
      paragraph(text('Thanks {firstname}!\nSee you.')),
      paragraph(text('Your code: {coupon.code}')),
    ]);
  });

  it('converts HTML: paragraphs, headings, lists, links, bold and italic', () => {
    const blocks = legacyBodyToBlocks(
      '<h2>Thanks <b>{firstname}</b>!</h2>\n<p>Your <em>code</em>:\n <strong>{coupon.code}</strong><br>' +
        'Use it <a href="{coupon.redeemUrl}">here</a> or <a href="https://shop.example">in the shop</a>.</p>' +
        '<ul><li>one</li><li><p>two</p><ol><li>two.a</li></ol></li></ul>' +
        '<div>A div &amp; an entity &lt;3</div><blockquote><p>Quote</p></blockquote><pre>  a\n  b</pre>' +
        'trailing <u>u</u> <s>s</s> <code>c</code>'
    );
    expect(blocks).toEqual([
      {
        type: 'heading',
        level: 2,
        children: [text('Thanks '), text('{firstname}', { bold: true }), text('!')],
      },
      paragraph(
        text('Your '),
        text('code', { italic: true }),
        text(': '),
        text('{coupon.code}', { bold: true }),
        text('\nUse it '),
        link('{coupon.redeemUrl}', 'here'),
        text(' or '),
        link('https://shop.example', 'in the shop'),
        text('.')
      ),
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [text('one')] },
          { type: 'list-item', children: [text('two')] },
          {
            type: 'list',
            format: 'ordered',
            indentLevel: 1,
            children: [{ type: 'list-item', children: [text('two.a')] }],
          },
        ],
      },
      paragraph(text('A div & an entity <3')),
      { type: 'quote', children: [text('Quote')] },
      { type: 'code', children: [text('  a\n  b')] },
      paragraph(
        text('trailing '),
        text('u', { underline: true }),
        text(' '),
        text('s', { strikethrough: true }),
        text(' '),
        text('c', { code: true })
      ),
    ]);
  });

  it('cleans HTML first: no script, no event handler, no javascript: or data: URL', () => {
    const blocks = legacyBodyToBlocks(
      '<p>Hi<script>alert(1)</script> <img src="x" onerror="alert(1)"> <img src="https://cdn.example/i.png" alt="logo">' +
        '<a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a>' +
        '<span onclick="alert(1)">span</span><style>p{}</style><iframe src="https://evil.example"></iframe></p>'
    );
    const json = JSON.stringify(blocks);
    for (const bad of [
      'script',
      'alert',
      'onerror',
      'onclick',
      'javascript',
      'data:',
      'iframe',
      'style',
    ])
      expect(json).not.toContain(bad);
    expect(blocks).toEqual([
      paragraph(text('Hi '), link('https://cdn.example/i.png', 'logo'), text('js dataspan')),
    ]);
  });

  it('migrates stored bodies once: text to JSON blocks, empty to NULL, blocks left alone', () => {
    expect(migratedBody(null)).toBeUndefined();
    expect(migratedBody('  ')).toBeNull();
    expect(migratedBody('<script>alert(1)</script>')).toBeNull();
    const migrated = migratedBody('Hello');
    expect(JSON.parse(migrated as string)).toEqual([paragraph(text('Hello'))]);
    expect(migratedBody(migrated)).toBeUndefined();
    expect(migratedBody([paragraph(text('x'))])).toBeUndefined();
    expect(JSON.parse(migratedBody('[not json') as string)).toEqual([paragraph(text('[not json'))]);
  });

  it('renders a legacy string body read before its migration, cleaned', () => {
    expect(
      renderExitScreenBody('<p onclick="x()">Hi {firstname}<script>alert(1)</script></p>', {
        firstname: '<b>Ada</b>',
      }).html
    ).toBe('<p>Hi &lt;b&gt;Ada&lt;/b&gt;</p>');
  });
});

describe('fillBlocks', () => {
  it('never returns an element without a text node', () => {
    expect(fillBlocks([{ type: 'paragraph', children: [] }], {})).toEqual([paragraph(text(''))]);
  });
});
