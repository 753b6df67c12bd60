import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Campaign } from '../domain/campaign';
import { errors } from '../utils/errors';
import { getService } from '../utils/get-service';
import { readLocale } from '../validation/locale';

const localeRefused = (message: string) =>
  new errors.ValidationError(`locale ${message}`, {
    errors: [{ path: ['locale'], message, name: 'ValidationError' }],
  });

/**
 * The open campaign of `:slug` in the `?locale=` asked for (its default locale when none is), and
 * the locales it can be taken in. Throws for no open campaign (404) or a locale the campaign is not
 * in (400 naming `locale`).
 */
export const openCampaignIn = async (
  strapi: Core.Strapi,
  ctx: Context
): Promise<{ campaign: Campaign; locales: string[] }> => {
  const campaigns = getService(strapi, 'campaigns');
  const slug: unknown = ctx.params.slug;
  const localised =
    typeof slug === 'string' && slug.length <= 200
      ? await campaigns.findPublishedBySlug(slug)
      : null;
  if (!localised || !campaigns.isOpen(localised.reference)) {
    throw new errors.NotFoundError('No open campaign with this slug');
  }
  const asked = readLocale(ctx.query.locale, localised.locales);
  const campaign = asked.ok ? localised.inLocale(asked.locale) : null;
  if (!campaign) throw localeRefused(asked.ok ? 'is not offered' : asked.message);
  return { campaign, locales: localised.locales };
};

/** The `?locale=` of the campaign list: any locale code; null when absent. */
export const listLocale = (ctx: Context): string | null => {
  const asked = readLocale(ctx.query.locale, null);
  if (!asked.ok) throw localeRefused(asked.message);
  return asked.locale;
};
