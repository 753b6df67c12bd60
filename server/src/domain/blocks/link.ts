import { escapeHtml } from '../render';
import { safeLinkUrl } from './links';
import { renderText } from './text';
import type { InlineNode, LinkNode } from './types';

/** A link, only to http, https, mailto or tel; any other URL leaves its text alone. */
export const renderLink = (node: LinkNode) => {
  const content = node.children.map(renderText).join('');
  const url = safeLinkUrl(node.url);
  return url ? `<a href="${escapeHtml(url)}">${content}</a>` : content;
};

export const renderInline = (nodes: InlineNode[]) =>
  nodes.map((node) => (node.type === 'link' ? renderLink(node) : renderText(node))).join('');
