import type { Core } from '@strapi/strapi';
import { listOpenCircuits } from '../../server/src/services/issuer-circuit';

/**
 * Helpers of tests/faults/outage.faults.ts that run INSIDE a child Strapi:
 * `child.call(OUTAGE_OPS, 'renameCampaign', {...})` (see tests/harness/child-ops.ts).
 */
export const OUTAGE_OPS = __filename;

/** Every integration's timeout, so that a slow ClearOn answer is lost (the coupon made anyway). */
export const setIntegrationTimeout = async (strapi: Core.Strapi, input: { timeoutMs: number }) => {
  await strapi.db
    .query('plugin::clearon.integration')
    .updateMany({ where: {}, data: { timeoutMs: input.timeoutMs } });
};

/** Renames a campaign and publishes the new title, as an editor would. */
export const renameCampaign = async (
  strapi: Core.Strapi,
  input: { slug: string; title: string }
) => {
  const campaigns = strapi.documents('plugin::clearon.campaign');
  const found = (await campaigns.findFirst({
    filters: { slug: input.slug },
    status: 'draft',
  } as never)) as { documentId: string } | null;
  if (!found) throw new Error(`no campaign ${input.slug}`);
  await campaigns.update({ documentId: found.documentId, data: { title: input.title } } as never);
  await campaigns.publish({ documentId: found.documentId } as never);
};

/** The coupons dashboard's list of integrations ClearOn does not answer for. */
export const openCircuits = (strapi: Core.Strapi) => listOpenCircuits(strapi);
