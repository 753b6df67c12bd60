import type { Core } from '@strapi/strapi';
import { errors } from '../utils/errors';
import type { Context } from 'koa';
import { validateAnswers } from '../domain/answers';
import { evaluateOutcome } from '../domain/outcome';
import { ACTION } from '../permissions';
import { getPluginConfig } from '../utils/get-plugin-config';
import { maskEmail, maskPhone } from '../utils/mask';
import { campaignOf } from '../utils/participation-campaign';
import { UID } from '../utils/plugin-id';

type Data = Record<string, unknown>;

/** What only a participant gives, or only the plugin writes: never set from the Content Manager. */
const PROTECTED = [
  'answers',
  'email',
  'phone',
  'firstName',
  'deliveryType',
  'reference',
  'tokenHash',
  'submissionKey',
  'exitScreenIndex',
  'score',
  'profile',
  'couponUnavailable',
  'erasedAt',
];

/** The admin request of the Content Manager this call serves, if any. */
const contentManagerRequest = (strapi: Core.Strapi): Context | null => {
  const ctx = strapi.requestContext.get() as Context | undefined;
  const isAdmin = ctx?.state?.auth?.strategy?.name === 'admin';
  return isAdmin && ctx.request.path.startsWith('/content-manager/') ? ctx : null;
};

const maskAnswers = (answers: unknown) => {
  if (!answers || typeof answers !== 'object') return answers;
  return Object.fromEntries(
    Object.entries(answers as Record<string, unknown>).map(([key, value]) => [
      key,
      typeof value === 'string' && value.includes('@')
        ? maskEmail(value)
        : typeof value === 'string' && /^\+\d{7,}$/.test(value)
          ? maskPhone(value)
          : value,
    ])
  );
};

const mask = (entry: unknown): unknown => {
  if (Array.isArray(entry)) return entry.map(mask);
  if (!entry || typeof entry !== 'object') return entry;
  const row = entry as Data;
  return {
    ...row,
    ...('email' in row ? { email: maskEmail(row.email as string | null) } : {}),
    ...('phone' in row ? { phone: maskPhone(row.phone as string | null) } : {}),
    ...('firstName' in row && row.firstName ? { firstName: `${String(row.firstName)[0]}***` } : {}),
    ...('answers' in row ? { answers: maskAnswers(row.answers) } : {}),
  };
};

/**
 * The Content Manager is not a back door: a participation an admin creates there passes the public
 * path's validation (and the campaign's limits, in the outbox), and issuing its coupon needs the
 * "Send test coupons" permission; editing cannot change what the participant gave; and email,
 * phone, first name and answers are masked there as on the coupons dashboard.
 */
export const participationAdminRules =
  (strapi: Core.Strapi) =>
  async (
    context: { uid: string; action: string; params: { data?: Data } },
    next: () => Promise<unknown>
  ) => {
    if (context.uid !== UID.participation) return next();
    const ctx = contentManagerRequest(strapi);
    if (!ctx) return next();

    const data = context.params.data ?? {};
    if (context.action === 'update') {
      for (const key of PROTECTED) delete data[key];
    }
    if (context.action === 'create') {
      const campaign = await campaignOf(strapi, data.campaign);
      if (!campaign) {
        throw new errors.ValidationError('campaign is required', {
          errors: [{ path: ['campaign'], message: 'is required', name: 'ValidationError' }],
        });
      }
      const result = validateAnswers(campaign, data.answers ?? {}, {
        defaultCountry: getPluginConfig(strapi).defaultCountry,
      });
      if (!result.ok) {
        throw new errors.ValidationError(
          `Invalid answers: ${result.errors.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`,
          { errors: result.errors.map((e) => ({ ...e, name: 'ValidationError' })) }
        );
      }
      for (const key of PROTECTED) delete data[key];
      Object.assign(data, result.value, evaluateOutcome(campaign, result.value.answers));
      const screen = (campaign.exitScreens ?? [])[data.exitScreenIndex as number];
      if (screen?.coupon && !ctx.state.userAbility?.can(ACTION.couponsTest)) {
        // A PolicyError: Strapi shows its message (a plain ForbiddenError becomes "Forbidden").
        throw new errors.PolicyError(
          'This participation would issue a ClearOn coupon: that needs the "Send test coupons" permission'
        );
      }
    }
    return mask(await next());
  };
