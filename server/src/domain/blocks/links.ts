/**
 * The link policy of exit screens: a link's URL, once its placeholders are filled, must be an
 * absolute http, https, mailto or tel URL. Anything else (javascript:, data:, vbscript:, a relative
 * or unparsable URL) is refused, and the link is shown as its text.
 */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;
const LINK_PROTOCOLS = new Set(LINK_SCHEMES.map((scheme) => `${scheme}:`));

/** The URL as a browser would resolve it (WHATWG parsing: tabs, newlines, case...), or null. */
export const safeLinkUrl = (url: unknown): string | null => {
  if (typeof url !== 'string' || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
};

/**
 * An image's source: an absolute http(s) URL, or a path on this server (`/uploads/…`, what Strapi's
 * local upload provider gives). Never data:, javascript: or protocol-relative.
 */
export const safeImageUrl = (url: unknown): string | null => {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (/^\/(?![/\\])/.test(trimmed)) {
    try {
      const parsed = new URL(trimmed, 'https://host.invalid');
      return parsed.host === 'host.invalid' ? `${parsed.pathname}${parsed.search}` : null;
    } catch {
      return null;
    }
  }
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
};
