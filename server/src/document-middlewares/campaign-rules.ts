import type { Core } from '@strapi/strapi';
import { errors } from '../utils/errors';
import type { Campaign } from '../domain/campaign';
import { validateCampaign } from '../domain/campaign-rules';
import { legacyBodyToBlocks } from '../domain/blocks';
import { getService } from '../utils/get-service';
import { UID } from '../utils/plugin-id';
import { checkCampaignLocale } from './campaign-locales';

type Params = { data?: Record<string, unknown>; documentId?: string; locale?: string };

/**
 * Code written for the old text body may still send a string: it becomes Blocks the way the
 * migration converts stored bodies (HTML cleaned by sanitize-html first), never stored as HTML.
 */
const legacyBodiesToBlocks = (data: Record<string, unknown>) => {
  if (!Array.isArray(data.exitScreens)) return;
  for (const screen of data.exitScreens as unknown[]) {
    if (typeof screen !== 'object' || screen === null) continue;
    const record = screen as Record<string, unknown>;
    if (typeof record.body === 'string') {
      const blocks = legacyBodyToBlocks(record.body);
      record.body = blocks.length > 0 ? blocks : null;
    }
  }
};

/**
 * Campaign writes are checked against the plugin's rules (the coupon rule first), whoever writes:
 * the Content Manager, the REST API or code. A refused write is a 400 naming each field.
 */
export const campaignRules =
  (strapi: Core.Strapi) =>
  async (
    context: { uid: string; action: string; params: Params },
    next: () => Promise<unknown>
  ) => {
    if (context.uid !== UID.campaign) return next();
    let afterWrite: (() => Promise<void>) | undefined;
    if (context.action === 'create' || context.action === 'update') {
      const data = (context.params.data ??= {});
      legacyBodiesToBlocks(data);
      // Which locale is written, what it holds, and the campaign's locale rules (slug, structure).
      const locales = await checkCampaignLocale(strapi, {
        documentId: context.action === 'update' ? context.params.documentId : undefined,
        locale: context.params.locale,
        data,
      });
      afterWrite = locales.afterWrite;
      const candidate = { ...locales.base, ...data } as Campaign;
      const problems = [...validateCampaign(candidate), ...locales.problems];
      const variables = getService(strapi, 'mapping-variables');
      for (const [i, field] of (candidate.fields ?? []).entries()) {
        if (!field.mappingVariable) continue;
        if (!(await variables.findByTechnicalName(field.mappingVariable, { ignoreCase: true }))) {
          problems.push({
            path: ['fields', String(i), 'mappingVariable'],
            message: `no mapping variable "${field.mappingVariable}": create it in Settings → ClearOn → Mapping variables`,
          });
        }
      }
      if (problems.length > 0) {
        throw new errors.ValidationError(
          `${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems
            .map((p) => `${p.path.join('.')} ${p.message}`)
            .join('; ')}`,
          {
            errors: problems.map((p) => ({
              path: p.path,
              message: p.message,
              name: 'ValidationError',
            })),
          }
        );
      }
    }
    const result = await next();
    await afterWrite?.();
    if (
      context.action !== 'findOne' &&
      context.action !== 'findMany' &&
      context.action !== 'findFirst' &&
      context.action !== 'count'
    ) {
      getService(strapi, 'campaigns').clearCache();
    }
    return result;
  };
