import type { Campaign } from './campaign';
import type { RuleError } from './campaign-rules';

/**
 * A campaign's texts are localised (Strapi's i18n plugin); its structure is not: the keys, types
 * and values of the form fields, the questions' answer values, points and profiles, and the exit
 * screens' matching rules and coupons are the same in every locale of a campaign, so that answers
 * are validated and scored the same way whatever the participant's language.
 */

const FIELD_KEYS = [
  'key',
  'type',
  'required',
  'hiddenValue',
  'mappingVariable',
  'showWhenField',
  'showWhenValue',
] as const;
const ANSWER_KEYS = ['value', 'points', 'profile'] as const;
const SCREEN_KEYS = ['match', 'minScore', 'maxScore', 'profile'] as const;

type Item = Record<string, unknown>;

/** The schema defaults Strapi stores for an attribute a write leaves out. */
const DEFAULTS: Record<string, unknown> = { required: false, points: 0, match: 'default' };

/** null, undefined and '' read alike; booleans as booleans; JSON (coupons) by its content. */
const normal = (value: unknown): unknown => {
  if (value === undefined || value === '' || value === null) return null;
  if (typeof value === 'object') {
    if (Array.isArray(value)) return value.map(normal);
    const record = value as Item;
    return Object.fromEntries(
      Object.keys(record)
        .filter((key) => key !== 'id' && record[key] != null)
        .sort()
        .map((key) => [key, normal(record[key])])
    );
  }
  return value;
};
const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));
const shown = (value: unknown) => (value == null || value === '' ? 'empty' : JSON.stringify(value));

const list = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : []);

/**
 * How `candidate` (one locale of a campaign) departs from `reference` (the campaign's reference
 * locale, `referenceLocale`): one error per differing attribute, each naming its path.
 */
export const structureDifferences = (
  candidate: Partial<Campaign>,
  reference: Partial<Campaign>,
  referenceLocale: string
): RuleError[] => {
  const errors: RuleError[] = [];
  const differ = (path: string[], expected: unknown) =>
    errors.push({
      path,
      message: `must be ${shown(expected)} as in the campaign's "${referenceLocale}" locale: only texts differ between locales`,
    });
  const compareLists = (
    path: string[],
    mine: Item[],
    theirs: Item[],
    each: (itemPath: string[], item: Item, other: Item) => void
  ) => {
    if (mine.length !== theirs.length) {
      errors.push({
        path,
        message: `must have ${theirs.length} entries as in the campaign's "${referenceLocale}" locale (it has ${mine.length}): only texts differ between locales`,
      });
      return;
    }
    mine.forEach((item, i) => each([...path, String(i)], item, theirs[i]));
  };
  const compareKeys = (path: string[], item: Item, other: Item, keys: readonly string[]) => {
    for (const key of keys) {
      const expected = other[key] ?? DEFAULTS[key];
      if (!same(item[key] ?? DEFAULTS[key], expected)) differ([...path, key], expected);
    }
  };

  compareLists(['fields'], list(candidate.fields), list(reference.fields), (path, field, other) => {
    compareKeys(path, field, other, FIELD_KEYS);
    compareLists([...path, 'options'], list(field.options), list(other.options), (p, o, r) =>
      compareKeys(p, o, r, ['value'])
    );
  });
  compareLists(
    ['questions'],
    list(candidate.questions),
    list(reference.questions),
    (path, q, r) => {
      compareKeys(path, q, r, ['key']);
      compareLists([...path, 'answers'], list(q.answers), list(r.answers), (p, a, b) =>
        compareKeys(p, a, b, ANSWER_KEYS)
      );
    }
  );
  compareLists(
    ['exitScreens'],
    list(candidate.exitScreens),
    list(reference.exitScreens),
    (path, screen, other) => {
      compareKeys(path, screen, other, SCREEN_KEYS);
      if (!same(screen.coupon, other.coupon)) {
        errors.push({
          path: [...path, 'coupon'],
          message: `must be the same coupon as in the campaign's "${referenceLocale}" locale: only texts differ between locales`,
        });
      }
    }
  );
  return errors;
};

/** Whether two locales of a campaign share one structure (the public API offers only those). */
export const sameStructure = (a: Partial<Campaign>, b: Partial<Campaign>) =>
  structureDifferences(a, b, '').length === 0;

/**
 * The locale whose structure the others follow: the default locale when the campaign has it,
 * else its first locale (the lowest row id).
 */
export const referenceVersion = <T extends { id?: number; locale?: string | null }>(
  versions: T[],
  defaultLocale: string
): T | undefined =>
  versions.find((version) => version.locale === defaultLocale) ??
  [...versions].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))[0];
