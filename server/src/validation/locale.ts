/** A locale code as Strapi's i18n plugin names locales: `en`, `fr`, `sv-SE`, `zh-Hant-TW`. */
const LOCALE_RE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export type LocaleQuery = { ok: true; locale: string | null } | { ok: false; message: string };

/**
 * The `?locale=` of a public request: absent (null: the campaign's default locale), or one of
 * `offered` (any case; the offered spelling is returned). `offered` null accepts any well-formed
 * code (the campaign list, where each campaign falls back to its default locale).
 */
export const readLocale = (value: unknown, offered: string[] | null): LocaleQuery => {
  if (value === undefined || value === '') return { ok: true, locale: null };
  if (typeof value !== 'string') return { ok: false, message: 'must be given once' };
  if (!LOCALE_RE.test(value)) {
    return { ok: false, message: 'must be a locale code such as "en" or "fr-CA"' };
  }
  if (offered === null) return { ok: true, locale: value };
  const match = offered.find((code) => code.toLowerCase() === value.toLowerCase());
  if (match) return { ok: true, locale: match };
  return {
    ok: false,
    message: `"${value}" is not a locale of this campaign (its locales: ${offered.join(', ')})`,
  };
};
