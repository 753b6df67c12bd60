import { escapeHtml } from '../render';
import type { TextNode } from './types';

/** Outermost first: `<strong><em>…<code>x</code>…</em></strong>`. */
const MODIFIER_TAGS: [keyof TextNode, string][] = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strikethrough', 's'],
  ['code', 'code'],
];

/** A text node: its text escaped, line breaks as `<br>`, wrapped in its modifiers' tags. */
export const renderText = (node: TextNode) => {
  let html = escapeHtml(node.text).replace(/\r?\n/g, '<br>');
  if (html === '') return '';
  for (const [modifier, tag] of [...MODIFIER_TAGS].reverse()) {
    if (node[modifier] === true) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
};
