import { sanitizeLegacyHtml } from './sanitize';
import type { Block, Blocks, InlineNode, ListBlock, TextNode } from './types';

/**
 * Legacy exit screen bodies (plain text or HTML from the old textarea) as Blocks, for the
 * migration and for code that still writes a string `body`. Plain text becomes paragraphs (a blank
 * line between two), single line breaks stay line breaks. HTML is first cleaned by sanitize-html
 * (see `sanitizeLegacyHtml`), then read: paragraphs (and divs), headings, lists (nested too),
 * quotes, preformatted code, links, bold / italic / underline / strikethrough / code; an image
 * becomes a link to it (a Blocks image must come from the media library). Placeholders stay as
 * written, in the text and in link URLs.
 */

type Modifier = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code';

const MODIFIER_OF: Record<string, Modifier> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
};

const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = {
  h1: 1,
  h2: 2,
  h3: 3,
  h4: 4,
  h5: 5,
  h6: 6,
};

type Kind = 'paragraph' | 'heading' | 'quote' | 'code' | 'list-item';

interface Current {
  kind: Kind;
  level?: 1 | 2 | 3 | 4 | 5 | 6;
  children: InlineNode[];
}

const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), match);
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10), match);
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower] ?? match;
  });

const safeCodePoint = (code: number, fallback: string) => {
  try {
    return String.fromCodePoint(code);
  } catch {
    return fallback;
  }
};

const readAttributes = (source: string) => {
  const attributes: Record<string, string> = {};
  for (const [, name, value] of source.matchAll(/([a-z][a-z0-9-]*)="([^"]*)"/gi)) {
    attributes[name.toLowerCase()] = decodeEntities(value);
  }
  return attributes;
};

const sameMarks = (a: TextNode, b: TextNode) =>
  (['bold', 'italic', 'underline', 'strikethrough', 'code'] as const).every(
    (m) => Boolean(a[m]) === Boolean(b[m])
  );

const mergeTexts = (nodes: TextNode[]) => {
  const out: TextNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last && sameMarks(last, node)) last.text += node.text;
    else out.push({ ...node });
  }
  return out;
};

/** Merges neighbouring texts, trims the block's ends and the spaces around line breaks. */
const tidy = (children: InlineNode[], preformatted: boolean): InlineNode[] => {
  const merged: InlineNode[] = [];
  let run: TextNode[] = [];
  const flushRun = () => {
    merged.push(...mergeTexts(run));
    run = [];
  };
  for (const child of children) {
    if (child.type === 'text') run.push(child);
    else {
      flushRun();
      merged.push({ ...child, children: mergeTexts(child.children) });
    }
  }
  flushRun();
  if (preformatted) return merged;
  const texts = merged.flatMap((node) => (node.type === 'link' ? node.children : [node]));
  for (const node of texts) node.text = node.text.replace(/ *\n */g, '\n');
  if (texts.length > 0) {
    texts[0].text = texts[0].text.replace(/^\s+/, '');
    const last = texts[texts.length - 1];
    last.text = last.text.replace(/\s+$/, '');
  }
  return merged
    .map((node) =>
      node.type === 'link'
        ? { ...node, children: node.children.filter((t) => t.text !== '') }
        : node
    )
    .filter((node) => (node.type === 'link' ? node.children.length > 0 : node.text !== ''));
};

const htmlToBlocks = (html: string): Blocks => {
  const clean = sanitizeLegacyHtml(html);
  const blocks: Block[] = [];
  const lists: ListBlock[] = [];
  const marks: Record<Modifier, number> = {
    bold: 0,
    italic: 0,
    underline: 0,
    strikethrough: 0,
    code: 0,
  };
  let current: Current | null = null;
  let link: { url: string; children: TextNode[] } | null = null;
  let quoteDepth = 0;
  let preDepth = 0;

  const implicitKind = (): Kind =>
    lists.length > 0 ? 'list-item' : preDepth > 0 ? 'code' : quoteDepth > 0 ? 'quote' : 'paragraph';

  const flush = () => {
    if (!current) return;
    const { kind, level } = current;
    const children = tidy(current.children, kind === 'code');
    current = null;
    const hasText = children.some((node) =>
      node.type === 'link' ? node.children.length > 0 : node.text.trim() !== ''
    );
    if (!hasText) return;
    if (kind === 'list-item') {
      lists[lists.length - 1]?.children.push({ type: 'list-item', children });
    } else if (kind === 'code') {
      const text = children
        .flatMap((node) => (node.type === 'link' ? node.children : [node]))
        .map((node) => node.text)
        .join('');
      blocks.push({ type: 'code', children: [{ type: 'text', text }] });
    } else if (kind === 'heading') {
      blocks.push({ type: 'heading', level: level ?? 2, children });
    } else {
      blocks.push({ type: kind, children });
    }
  };

  const start = (kind: Kind, level?: Current['level']) => {
    flush();
    current = { kind, level, children: [] };
    afterSpace = true;
  };

  // Whether the block's text so far ends with a space (or is empty): HTML shows one space for many.
  let afterSpace = true;
  const addText = (value: string, lineBreak = false) => {
    let text = preDepth > 0 || lineBreak ? value : value.replace(/\s+/g, ' ');
    if (!current) {
      if (text.trim() === '') return;
      start(implicitKind());
      afterSpace = true;
    }
    if (preDepth === 0 && !lineBreak && afterSpace) text = text.replace(/^ /, '');
    if (text === '') return;
    afterSpace = lineBreak || text.endsWith(' ');
    const node: TextNode = { type: 'text', text };
    for (const modifier of Object.keys(marks) as Modifier[]) {
      if (marks[modifier] > 0 && !(modifier === 'code' && preDepth > 0)) node[modifier] = true;
    }
    if (link) link.children.push(node);
    else current!.children.push(node);
  };

  const TOKEN = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*="[^"]*")*)\s*\/?>|([^<]+)/gi;
  for (const [, closing, rawTag, rawAttributes, rawText] of clean.matchAll(TOKEN)) {
    if (rawText !== undefined) {
      addText(decodeEntities(rawText));
      continue;
    }
    const tag = rawTag.toLowerCase();
    const attributes = readAttributes(rawAttributes ?? '');
    if (tag in MODIFIER_OF) {
      marks[MODIFIER_OF[tag]] += closing ? (marks[MODIFIER_OF[tag]] > 0 ? -1 : 0) : 1;
    } else if (tag === 'br') {
      if (current || link) addText('\n', true);
    } else if (tag === 'a') {
      if (!closing) {
        link = { url: attributes.href ?? '', children: [] };
      } else if (link) {
        const { url, children } = link;
        link = null;
        if (children.length === 0) continue;
        if (!current) start(implicitKind());
        if (url.trim() !== '') current!.children.push({ type: 'link', url, children });
        else current!.children.push(...children);
      }
    } else if (tag === 'img') {
      // Only an absolute http(s) image is worth a link (sanitize-html keeps relative sources).
      const src = attributes.src ?? '';
      if (!/^https?:\/\//i.test(src)) continue;
      if (!current) start(implicitKind());
      const label = attributes.alt?.trim() || src;
      current!.children.push({ type: 'link', url: src, children: [{ type: 'text', text: label }] });
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      if (!closing) {
        lists.push({ type: 'list', format: tag === 'ol' ? 'ordered' : 'unordered', children: [] });
      } else {
        const list = lists.pop();
        if (!list || list.children.length === 0) continue;
        const parent = lists[lists.length - 1];
        if (parent) parent.children.push({ ...list, indentLevel: lists.length });
        else blocks.push(list);
      }
    } else if (tag === 'li') {
      if (closing) flush();
      else start('list-item');
    } else if (tag === 'blockquote') {
      flush();
      quoteDepth += closing ? (quoteDepth > 0 ? -1 : 0) : 1;
    } else if (tag === 'pre') {
      flush();
      preDepth += closing ? (preDepth > 0 ? -1 : 0) : 1;
    } else if (tag in HEADINGS) {
      if (closing) flush();
      else start('heading', HEADINGS[tag]);
    } else if (tag === 'p' || tag === 'div') {
      // Inside a list item, a paragraph is part of the item.
      const inItem = (current as Current | null)?.kind === 'list-item';
      if (inItem) continue;
      if (closing) flush();
      else start(implicitKind());
    }
  }
  if (link) {
    const { url, children } = link;
    if (children.length > 0) {
      if (!current) start(implicitKind());
      current!.children.push(url ? { type: 'link', url, children } : children[0]);
    }
  }
  flush();
  while (lists.length > 0) {
    const list = lists.pop()!;
    if (list.children.length === 0) continue;
    const parent = lists[lists.length - 1];
    if (parent) parent.children.push({ ...list, indentLevel: lists.length });
    else blocks.push(list);
  }
  return blocks;
};

const textToBlocks = (text: string): Blocks =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph): Block => ({
      type: 'paragraph',
      children: [{ type: 'text', text: paragraph }],
    }));

export const looksLikeHtml = (text: string) => /<[a-z!/][\s\S]*>/i.test(text);

/** A legacy body (text or HTML) as Blocks. */
export const legacyBodyToBlocks = (body: string): Blocks =>
  looksLikeHtml(body) ? htmlToBlocks(body) : textToBlocks(body);

/**
 * What an exit screen's `body` holds, as Blocks: the blocks themselves; a JSON string of them (a
 * column not yet converted); or a legacy text / HTML string (converted, HTML cleaned first).
 */
export const bodyToBlocks = (body: unknown): unknown[] => {
  if (Array.isArray(body)) return body;
  if (typeof body !== 'string' || body.trim() === '') return [];
  const trimmed = body.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON: a legacy text that starts with "[".
    }
  }
  return legacyBodyToBlocks(body);
};
