import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { CAMPAIGN_POPULATE, type Campaign } from '../domain/campaign';
import { UID } from '../utils/plugin-id';
import { pick } from '../utils/pick';
import { pluginDocuments } from '../utils/plugin-documents';
import { referenceVersion, sameStructure } from '../domain/campaign-locales';
import { defaultLocaleOf } from '../utils/default-locale';
import type { PreviewField } from '../../../shared/contracts/preview';

/** A form field as the public API shows it: the same shape as the admin preview's. */
export type PublicField = PreviewField;

export interface PublicCampaign {
  slug: string;
  title: string;
  mode: string;
  format: string;
  startsAt: string | null;
  endsAt: string | null;
  fields: PublicField[];
  questions: { key: string; label: string; answers: { label: string; value: string }[] }[];
}

// Published campaigns are read on every participation: keep them briefly in memory. Any write to a
// campaign through this instance clears the cache; other instances see it after CACHE_MS. Both
// caches are LRUs with a size cap; slugs that match no campaign (anyone can send any slug) have a
// small cache of their own so that they never push the real campaigns out.
const CACHE_MS = 2_000;
export const CAMPAIGN_CACHE_MAX = 500;
export const MISSING_CACHE_MAX = 1_000;

/**
 * A published (or draft) campaign in all its locales. `locales` are those a participant may take
 * it in: the reference locale (the default locale, else the campaign's first) and every locale
 * whose structure is the reference's (a translation left behind after the editor changed the
 * reference's fields is not offered until it is brought in line).
 */
export interface LocalisedCampaign {
  documentId: string;
  locales: string[];
  reference: Campaign;
  /** The version in `locale`; the reference when no locale is asked for; null if not offered. */
  inLocale(locale?: string | null): Campaign | null;
}

const byLocale = (a: Campaign, b: Campaign) => String(a.locale).localeCompare(String(b.locale));

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const found = new LRUCache<string, LocalisedCampaign>({ max: CAMPAIGN_CACHE_MAX, ttl: CACHE_MS });
  const missing = new LRUCache<string, true>({ max: MISSING_CACHE_MAX, ttl: CACHE_MS });

  const cached = async (key: string, load: () => Promise<LocalisedCampaign | null>) => {
    const hit = found.get(key);
    if (hit) return hit;
    if (missing.has(key)) return null;
    const campaign = await load();
    if (campaign) found.set(key, campaign);
    else missing.set(key, true);
    return campaign;
  };

  const localised = (versions: Campaign[], defaultLocale: string): LocalisedCampaign | null => {
    const reference = referenceVersion(versions, defaultLocale);
    if (!reference) return null;
    const offered = versions
      .filter((version) => version === reference || sameStructure(version, reference))
      .sort(byLocale);
    return {
      documentId: reference.documentId,
      locales: offered.map((version) => version.locale ?? defaultLocale),
      reference,
      inLocale: (locale) =>
        locale == null ? reference : (offered.find((version) => version.locale === locale) ?? null),
    };
  };

  /** Every locale of one document, in one status. */
  const loadDocument = async (documentId: string, status: 'published' | 'draft') => {
    const versions = await pluginDocuments<Campaign>(strapi, 'campaign').findMany({
      filters: { documentId },
      locale: '*',
      status,
      populate: CAMPAIGN_POPULATE,
    });
    return localised(versions, await defaultLocaleOf(strapi));
  };

  /** Per document, its version in `locale`, else its default locale's, else its first. */
  const onePerDocument = async <T extends Partial<Campaign>>(rows: T[], locale?: string | null) => {
    const defaultLocale = await defaultLocaleOf(strapi);
    const rank = (row: T) => (row.locale === locale ? 0 : row.locale === defaultLocale ? 1 : 2);
    const chosen = new Map<string, T>();
    for (const row of rows) {
      const key = String(row.documentId);
      const seen = chosen.get(key);
      if (
        !seen ||
        rank(row) < rank(seen) ||
        (rank(row) === rank(seen) && (row.id ?? 0) < (seen.id ?? 0))
      )
        chosen.set(key, row);
    }
    return rows.filter((row) => chosen.get(String(row.documentId)) === row);
  };

  return {
    clearCache() {
      found.clear();
      missing.clear();
    },

    /** How many entries each cache holds now (tests). */
    cacheSize() {
      return { found: found.size, missing: missing.size };
    },

    /** The published campaign with this slug (the slug is one for all the campaign's locales). */
    findPublishedBySlug(slug: string) {
      return cached(`slug:${slug}`, async () => {
        const row = (await strapi.db.query(UID.campaign).findOne({
          where: { slug, publishedAt: { $notNull: true } },
          select: ['documentId'],
          orderBy: [{ id: 'asc' }],
        })) as { documentId: string } | null;
        return row ? loadDocument(row.documentId, 'published') : null;
      });
    },

    /**
     * The published version, or the draft when the campaign has no published version: in `locale`
     * when the campaign offers it, else in its reference locale (the structure is the same).
     */
    async findForParticipation(documentId: string, locale?: string | null) {
      const campaign = await cached(
        `doc:${documentId}`,
        async () =>
          (await loadDocument(documentId, 'published')) ?? (await loadDocument(documentId, 'draft'))
      );
      return campaign ? (campaign.inLocale(locale) ?? campaign.reference) : null;
    },

    /**
     * Published campaigns open at `now`, by title: what a participant's page lists; each in
     * `locale` when it has it, else in its default locale.
     */
    async listOpen(now = new Date(), locale?: string | null) {
      const at = now.toISOString();
      const rows = await pluginDocuments<Campaign>(strapi, 'campaign').findMany({
        status: 'published',
        locale: '*',
        fields: ['id', 'documentId', 'locale', 'slug', 'title', 'format'],
        filters: {
          $and: [
            { $or: [{ startsAt: { $null: true } }, { startsAt: { $lte: at } }] },
            { $or: [{ endsAt: { $null: true } }, { endsAt: { $gt: at } }] },
          ],
        },
        sort: ['title:asc', 'id:asc'],
        limit: 500,
      });
      return (await onePerDocument(rows, locale))
        .slice(0, 100)
        .map(({ slug, title, format }) => ({ slug, title, format }));
    },

    /** Every campaign (one entry per document, draft or published) by title: the dashboard's filter. */
    async listOptions() {
      const rows = await pluginDocuments<Campaign>(strapi, 'campaign').findMany({
        status: 'draft',
        locale: '*',
        fields: ['id', 'documentId', 'locale', 'title', 'slug', 'maxCoupons', 'lowStockThreshold'],
        sort: ['title:asc', 'id:asc'],
        limit: 5000,
      });
      return (await onePerDocument(rows)).slice(0, 1000).map((row) => ({
        id: row.documentId,
        title: row.title,
        slug: row.slug,
        maxCoupons: row.maxCoupons ?? null,
        lowStockThreshold: row.lowStockThreshold ?? null,
      }));
    },

    isOpen(campaign: Campaign, now = new Date()) {
      if (campaign.startsAt && new Date(campaign.startsAt) > now) return false;
      if (campaign.endsAt && new Date(campaign.endsAt) <= now) return false;
      return true;
    },

    /** What a participant's page may see: no points, profiles, coupons, integrations or hidden values. */
    toPublicView(campaign: Campaign): PublicCampaign {
      return {
        ...pick(campaign, 'slug', 'title', 'mode', 'format'),
        startsAt: campaign.startsAt ?? null,
        endsAt: campaign.endsAt ?? null,
        fields: (campaign.fields ?? [])
          .filter((field) => field.type !== 'hidden')
          .map((field) => ({
            key: field.key,
            label: field.label,
            type: field.type,
            required: Boolean(field.required),
            ...(field.type === 'choice'
              ? { options: (field.options ?? []).map(({ label, value }) => ({ label, value })) }
              : {}),
            ...(field.showWhenField
              ? { showWhen: { field: field.showWhenField, value: field.showWhenValue ?? null } }
              : {}),
          })),
        questions:
          campaign.format === 'form'
            ? []
            : (campaign.questions ?? []).map((question) => ({
                key: question.key,
                label: question.label,
                answers: (question.answers ?? []).map(({ label, value }) => ({ label, value })),
              })),
      };
    },
  };
};

export default service;
