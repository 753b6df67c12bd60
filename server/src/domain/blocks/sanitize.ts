import sanitizeHtml from 'sanitize-html';
import { LINK_SCHEMES } from './links';

/**
 * HTML is cleaned with sanitize-html (maintained, allowlist-based, used by millions of installs a
 * week, built on htmlparser2): whatever is not listed here is removed, so a mistake in the renderer
 * or in a legacy text cannot carry a script, an event handler (`on*`) or a javascript:/data: URL.
 */

/** The tags Blocks renders to. */
const BLOCK_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'strong',
  'em',
  'u',
  's',
  'a',
  'img',
];

/** The URL rules of both allowlists. */
const URL_RULES: sanitizeHtml.IOptions = {
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** What `blocksToHtml` may produce, and nothing else: the last line of defence. */
const OUTPUT: sanitizeHtml.IOptions = {
  allowedTags: BLOCK_TAGS,
  allowedAttributes: { a: ['href'], img: ['src', 'alt', 'width', 'height'] },
  ...URL_RULES,
};

export const sanitizeOutputHtml = (html: string) => sanitizeHtml(html, OUTPUT);

/**
 * Legacy exit screen bodies (HTML written in the old textarea) before they become blocks: the
 * structure Blocks can hold, links and images with safe URLs; `<script>`, `<style>` and the like go
 * with their content, other unknown tags leave their text. A link's href may be a placeholder
 * (`{coupon.redeemUrl}`): sanitize-html reads it as a relative URL and keeps it; the link policy
 * checks it again once filled in.
 */
const LEGACY_INPUT: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCK_TAGS, 'div', 'b', 'i', 'strike', 'del'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  ...URL_RULES,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object'],
};

export const sanitizeLegacyHtml = (html: string) => sanitizeHtml(html, LEGACY_INPUT);
