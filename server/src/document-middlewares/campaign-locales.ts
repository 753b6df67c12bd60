import type { Core } from '@strapi/strapi';
import { CAMPAIGN_POPULATE, type Campaign } from '../domain/campaign';
import type { RuleError } from '../domain/campaign-rules';
import { referenceVersion, structureDifferences } from '../domain/campaign-locales';
import { UID } from '../utils/plugin-id';
import { pluginDocuments } from '../utils/plugin-documents';
import { defaultLocaleOf } from '../utils/default-locale';

/** The campaign attributes shared by every locale (`pluginOptions.i18n.localized: false`). */
const sharedAttributes = (strapi: Core.Strapi) =>
  Object.entries(strapi.getModel(UID.campaign).attributes)
    .filter(([, attribute]) => {
      const options = (attribute as { pluginOptions?: { i18n?: { localized?: boolean } } })
        .pluginOptions;
      return options?.i18n?.localized === false;
    })
    .map(([name]) => name);

export interface LocaleCheck {
  /** What the written locale holds before this write (its stored draft, or what it inherits). */
  base: Partial<Campaign>;
  problems: RuleError[];
  /** After the write: the slug, kept the same in every locale's draft. */
  afterWrite(): Promise<void>;
}

/**
 * The locale rules of a campaign write (create, or update of one locale of `documentId`):
 * - the slug is one for the whole campaign: Strapi localises every uid attribute and checks it is
 *   unique per locale only, so a slug taken by another campaign in any locale is refused, a new
 *   locale without a slug takes the campaign's, and a changed slug is copied to the other locales'
 *   drafts;
 * - the structure (keys, values, points, profiles, matching rules, coupons) of a locale other than
 *   the campaign's reference locale (the default locale, else its first) must be the reference's.
 */
export const checkCampaignLocale = async (
  strapi: Core.Strapi,
  params: { documentId?: string; locale?: string; data: Record<string, unknown> }
): Promise<LocaleCheck> => {
  const { documentId, data } = params;
  const defaultLocale = await defaultLocaleOf(strapi);
  const own = typeof params.locale === 'string' ? params.locale : defaultLocale;
  const drafts = documentId
    ? await pluginDocuments<Campaign>(strapi, 'campaign').findMany({
        filters: { documentId },
        locale: '*',
        status: 'draft',
        populate: CAMPAIGN_POPULATE,
      })
    : [];
  const current = drafts.find((draft) => draft.locale === own);
  const others = drafts.filter((draft) => draft.locale !== own);
  // A new locale follows the campaign's existing reference, even when it is the default locale.
  const reference = referenceVersion(current ? drafts : others, defaultLocale);
  const problems: RuleError[] = [];

  let base: Partial<Campaign> = current ?? {};
  if (!current && reference) {
    // What Strapi will copy into the new locale: the shared attributes, and the campaign's slug.
    const shared = sharedAttributes(strapi);
    base = Object.fromEntries(
      Object.entries(reference).filter(([name]) => shared.includes(name))
    ) as Partial<Campaign>;
    data.slug ??= reference.slug;
  }

  const slug = data.slug;
  if (typeof slug === 'string' && slug !== '') {
    const taken = (await strapi.db.query(UID.campaign).findOne({
      where: documentId ? { slug, documentId: { $ne: documentId } } : { slug },
      select: ['documentId', 'locale'],
    })) as { documentId: string; locale: string | null } | null;
    if (taken) {
      problems.push({
        path: ['slug'],
        message: `"${slug}" is the slug of another campaign${taken.locale ? ` (in its "${taken.locale}" locale)` : ''}`,
      });
    }
  }

  if (reference && reference.locale !== own) {
    const candidate = { ...base, ...data } as Partial<Campaign>;
    problems.push(...structureDifferences(candidate, reference, reference.locale ?? defaultLocale));
  }

  return {
    base,
    problems,
    async afterWrite() {
      if (!documentId || typeof slug !== 'string' || slug === '') return;
      if (others.every((other) => other.slug === slug)) return;
      await strapi.db.query(UID.campaign).updateMany({
        where: { documentId, locale: { $ne: own }, publishedAt: null },
        data: { slug },
      });
    },
  };
};
