import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Campaign } from '../domain/campaign';
import { sendError } from '../utils/error-response';
import { getService } from '../utils/get-service';
import { readLocale } from '../validation/locale';

const localeRefused = (ctx: Context, message: string) =>
  sendError(ctx, 400, 'ValidationError', `locale ${message}`, {
    errors: [{ path: ['locale'], message, name: 'ValidationError' }],
  });

/**
 * The open campaign of `:slug` in the `?locale=` asked for (its default locale when none is), and
 * the locales it can be taken in. Answers the request itself, and gives null, for no open campaign
 * (404) or a locale the campaign is not in (400 naming `locale`).
 */
export const openCampaignIn = async (
  strapi: Core.Strapi,
  ctx: Context
): Promise<{ campaign: Campaign; locales: string[] } | null> => {
  const campaigns = getService(strapi, 'campaigns');
  const slug: unknown = ctx.params.slug;
  const localised =
    typeof slug === 'string' && slug.length <= 200
      ? await campaigns.findPublishedBySlug(slug)
      : null;
  if (!localised || !campaigns.isOpen(localised.reference)) {
    sendError(ctx, 404, 'NotFoundError', 'No open campaign with this slug');
    return null;
  }
  const asked = readLocale(ctx.query.locale, localised.locales);
  const campaign = asked.ok ? localised.inLocale(asked.locale) : null;
  if (!campaign) {
    localeRefused(ctx, asked.ok ? 'is not offered' : asked.message);
    return null;
  }
  return { campaign, locales: localised.locales };
};

/** The `?locale=` of the campaign list: any locale code; null when absent. */
export const listLocale = (ctx: Context): { ok: boolean; locale: string | null } => {
  const asked = readLocale(ctx.query.locale, null);
  if (asked.ok) return { ok: true, locale: asked.locale };
  localeRefused(ctx, asked.message);
  return { ok: false, locale: null };
};
