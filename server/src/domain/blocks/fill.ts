import { fillPlaceholders } from '../render';
import { safeImageUrl, safeLinkUrl } from './links';
import {
  isRecord,
  type Block,
  type Blocks,
  type InlineNode,
  type ListBlock,
  type ListItemNode,
  type TextNode,
} from './types';

type Variables = Record<string, unknown>;

const MODIFIERS = ['bold', 'italic', 'underline', 'strikethrough', 'code'] as const;

const text = (node: Record<string, unknown>, variables: Variables): TextNode => {
  const out: TextNode = {
    type: 'text',
    text: fillPlaceholders(typeof node.text === 'string' ? node.text : '', variables),
  };
  for (const modifier of MODIFIERS) if (node[modifier] === true) out[modifier] = true;
  return out;
};

const texts = (children: unknown, variables: Variables): TextNode[] =>
  (Array.isArray(children) ? children : [])
    .filter((child) => isRecord(child) && child.type === 'text')
    .map((child) => text(child as Record<string, unknown>, variables));

/** A link keeps its URL only when, filled in, it is an http, https, mailto or tel URL. */
const inline = (children: unknown, variables: Variables): InlineNode[] => {
  const out: InlineNode[] = [];
  for (const child of Array.isArray(children) ? children : []) {
    if (!isRecord(child)) continue;
    if (child.type === 'text') out.push(text(child, variables));
    else if (child.type === 'link') {
      const linkTexts = texts(child.children, variables);
      const url =
        typeof child.url === 'string' ? safeLinkUrl(fillPlaceholders(child.url, variables)) : null;
      if (url) out.push({ type: 'link', url, children: linkTexts });
      else out.push(...linkTexts);
    }
  }
  // Strapi's editor never leaves an element without a text node.
  return out.length > 0 ? out : [{ type: 'text', text: '' }];
};

const list = (node: Record<string, unknown>, variables: Variables): ListBlock => ({
  type: 'list',
  format: node.format === 'ordered' ? 'ordered' : 'unordered',
  ...(typeof node.indentLevel === 'number' ? { indentLevel: node.indentLevel } : {}),
  children: (Array.isArray(node.children) ? node.children : []).flatMap(
    (child): (ListItemNode | ListBlock)[] => {
      if (!isRecord(child)) return [];
      if (child.type === 'list') return [list(child, variables)];
      if (child.type === 'list-item')
        return [{ type: 'list-item', children: inline(child.children, variables) }];
      return [];
    }
  ),
});

const HEADING_LEVELS = [1, 2, 3, 4, 5, 6] as const;

const block = (node: unknown, variables: Variables): Block | null => {
  if (!isRecord(node)) return null;
  switch (node.type) {
    case 'paragraph':
    case 'quote':
      return { type: node.type, children: inline(node.children, variables) };
    case 'heading': {
      const level = HEADING_LEVELS.find((l) => l === Number(node.level)) ?? 2;
      return { type: 'heading', level, children: inline(node.children, variables) };
    }
    case 'code':
      return {
        type: 'code',
        ...(typeof node.language === 'string' ? { language: node.language } : {}),
        children: texts(node.children, variables),
      };
    case 'list':
      return list(node, variables);
    case 'image': {
      const image = isRecord(node.image) ? node.image : {};
      const url = safeImageUrl(image.url);
      if (!url) return null;
      const str = (value: unknown) => (typeof value === 'string' ? value : null);
      const num = (value: unknown) => (typeof value === 'number' ? value : null);
      return {
        type: 'image',
        image: {
          url,
          name: str(image.name),
          alternativeText: str(image.alternativeText),
          caption: str(image.caption),
          width: num(image.width),
          height: num(image.height),
        },
        children: [{ type: 'text', text: '' }],
      };
    }
    default:
      return null;
  }
};

/**
 * The exit screen's blocks for one participant: placeholders filled, as plain text, in every text
 * node and link URL; links whose filled URL is not http, https, mailto or tel become their text;
 * images whose URL is not http(s) or a path on this server are left out; unknown nodes and
 * properties are dropped. The result is what the public API returns as `blocks`, and what
 * `blocksToHtml` renders.
 */
export const fillBlocks = (blocks: unknown, variables: Variables): Blocks =>
  (Array.isArray(blocks) ? blocks : [])
    .map((node) => block(node, variables))
    .filter((node): node is Block => node !== null);
