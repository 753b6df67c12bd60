import type { Core } from '@strapi/strapi';
import { getService } from './get-service';
import { UID } from './plugin-id';

/** The campaign's documentId from whatever relation syntax the caller used. */
const campaignRef = (value: unknown): string | number | null => {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    const v = value as { documentId?: string; id?: number; connect?: unknown; set?: unknown };
    if (v.documentId) return v.documentId;
    if (typeof v.id === 'number') return v.id;
    const list = (v.connect ?? v.set) as unknown[] | undefined;
    if (Array.isArray(list) && list.length > 0) return campaignRef(list[0]);
  }
  return null;
};

/**
 * The participation's campaign (published version, else draft), from any relation syntax: in
 * `locale` when the campaign has it, else in its reference (default) locale.
 */
export const campaignOf = async (strapi: Core.Strapi, value: unknown, locale?: unknown) => {
  const ref = campaignRef(value);
  const documentId =
    typeof ref === 'number'
      ? ((
          await strapi.db
            .query(UID.campaign)
            .findOne({ where: { id: ref }, select: ['documentId'] })
        )?.documentId as string | undefined)
      : ref;
  return documentId
    ? getService(strapi, 'campaigns').findForParticipation(
        documentId,
        typeof locale === 'string' ? locale : null
      )
    : null;
};

/**
 * The campaign relation with the campaign's locale on every documentId that has none: the
 * campaign is localised and the participation is not, so Strapi's document service would look
 * the campaign up without a locale and not find it. Numeric ids name a row and are left alone.
 */
export const withCampaignLocale = (value: unknown, locale: string): unknown => {
  const one = (item: unknown): unknown => {
    if (typeof item === 'string') return { documentId: item, locale };
    if (item && typeof item === 'object' && 'documentId' in item && !('locale' in item)) {
      return { ...item, locale };
    }
    return item;
  };
  if (typeof value === 'string') return { connect: [one(value)] };
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if ('documentId' in record) return one(record);
  const out: Record<string, unknown> = { ...record };
  for (const key of ['connect', 'set']) {
    if (Array.isArray(record[key])) out[key] = (record[key] as unknown[]).map(one);
  }
  return out;
};
