import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { CAMPAIGN_POPULATE, type Campaign } from '../domain/campaign';
import { UID } from '../utils/plugin-id';
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

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const found = new LRUCache<string, Campaign>({ max: CAMPAIGN_CACHE_MAX, ttl: CACHE_MS });
  const missing = new LRUCache<string, true>({ max: MISSING_CACHE_MAX, ttl: CACHE_MS });

  const cached = async (key: string, load: () => Promise<Campaign | null>) => {
    const hit = found.get(key);
    if (hit) return hit;
    if (missing.has(key)) return null;
    const campaign = await load();
    if (campaign) found.set(key, campaign);
    else missing.set(key, true);
    return campaign;
  };

  const findOne = (filters: Record<string, unknown>, status: 'published' | 'draft') =>
    strapi.documents(UID.campaign).findFirst({
      filters,
      status,
      populate: CAMPAIGN_POPULATE,
    } as never) as unknown as Promise<Campaign | null>;

  return {
    clearCache() {
      found.clear();
      missing.clear();
    },

    /** How many entries each cache holds now (tests). */
    cacheSize() {
      return { found: found.size, missing: missing.size };
    },

    findPublishedBySlug(slug: string) {
      return cached(`slug:${slug}`, () => findOne({ slug }, 'published'));
    },

    /** The published version, or the draft when the campaign was never published. */
    async findForParticipation(documentId: string) {
      return cached(`doc:${documentId}`, async () => {
        return (
          (await findOne({ documentId }, 'published')) ?? (await findOne({ documentId }, 'draft'))
        );
      });
    },

    /** Published campaigns open at `now`, by title: what a participant's page lists. */
    async listOpen(now = new Date()) {
      const at = now.toISOString();
      const rows = (await strapi.documents(UID.campaign).findMany({
        status: 'published',
        fields: ['slug', 'title', 'format'],
        filters: {
          $and: [
            { $or: [{ startsAt: { $null: true } }, { startsAt: { $lte: at } }] },
            { $or: [{ endsAt: { $null: true } }, { endsAt: { $gt: at } }] },
          ],
        },
        sort: ['title:asc'],
        limit: 100,
      } as never)) as unknown as Pick<Campaign, 'slug' | 'title' | 'format'>[];
      return rows.map(({ slug, title, format }) => ({ slug, title, format }));
    },

    /** Every campaign (one entry per document, draft or published) by title: the dashboard's filter. */
    async listOptions() {
      const rows = (await strapi.documents(UID.campaign).findMany({
        status: 'draft',
        fields: ['documentId', 'title', 'slug', 'maxCoupons', 'lowStockThreshold'],
        sort: ['title:asc', 'id:asc'],
        limit: 1000,
      } as never)) as unknown as Pick<
        Campaign,
        'documentId' | 'title' | 'slug' | 'maxCoupons' | 'lowStockThreshold'
      >[];
      return rows.map(({ documentId, title, slug, maxCoupons, lowStockThreshold }) => ({
        id: documentId,
        title,
        slug,
        maxCoupons: maxCoupons ?? null,
        lowStockThreshold: lowStockThreshold ?? null,
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
        slug: campaign.slug,
        title: campaign.title,
        mode: campaign.mode,
        format: campaign.format,
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
