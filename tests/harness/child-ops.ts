import type { Core } from '@strapi/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { seedIssuedCoupons as seedCoupons } from '../fixtures/coupons';
import { createIntegration } from '../fixtures/integrations';
import { createSuperAdmin } from './admin';
import type { TestApp } from './strapi';
import { getService } from '../../server/src/utils/get-service';

/**
 * Helpers that run INSIDE a child Strapi (tests/harness/child-strapi.ts):
 * `child.call(CHILD_OPS, 'setupCampaign', {...})`. Each takes the child's strapi first; arguments
 * and results cross the IPC channel as JSON.
 */
export const CHILD_OPS = __filename;

/** An integration pointing at `endpoint` (if none exists yet) and a published form campaign. */
export const setupCampaign = async (
  strapi: Core.Strapi,
  input: {
    endpoint: string;
    apiKey?: string;
    slug: string;
    delivery?: 'automatic' | 'button';
    couponCode?: string;
    participationLimit?: 'once' | 'unlimited';
    /** Needed with `unlimited` on a campaign with a coupon (the editor's override). */
    allowUnlimitedWithCoupon?: boolean;
  }
) => {
  const existing = await strapi.db.query('plugin::clearon.integration').count({});
  if (existing === 0) {
    await createIntegration({ strapi } as TestApp, {
      name: 'Simulator',
      endpoint: input.endpoint,
      apiKey: input.apiKey ?? 'test-key',
    });
  }
  const campaign = await publishCampaign(strapi, {
    ...formCampaign(input.slug, {
      couponCode: input.couponCode ?? 'LOAD10',
      validityDays: 30,
      delivery: input.delivery ?? 'automatic',
    }),
    ...(input.participationLimit ? { participationLimit: input.participationLimit } : {}),
    ...(input.allowUnlimitedWithCoupon === undefined
      ? {}
      : { allowUnlimitedWithCoupon: input.allowUnlimitedWithCoupon }),
  });
  return campaign.documentId;
};

/** The issuer's counters in this process (which instance issued how many). */
export const issuerStats = (strapi: Core.Strapi) => getService(strapi, 'issuer').stats();

export const stopIssuer = (strapi: Core.Strapi) => getService(strapi, 'issuer').stop();

export const startIssuer = (strapi: Core.Strapi) => {
  getService(strapi, 'issuer').start();
};

/** Coupons by status, straight from the table. */
export const couponStatusCounts = async (strapi: Core.Strapi) => {
  const rows = (await strapi.db
    .connection('clearon_coupons')
    .select('status')
    .count({ n: '*' })
    .groupBy('status')) as Array<{ status: string; n: number | string }>;
  const counts: Record<string, number> = { pending: 0, issued: 0, failed: 0, dead: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
};

export interface OutboxRow {
  reference: string;
  status: string;
  attempts: number;
  code: string | null;
  lastErrorCode: string | null;
}

/** Every participation's reference, and every coupon row: what the fault tests check. */
export const outboxSummary = async (strapi: Core.Strapi) => {
  const participations = (await strapi.db
    .connection('clearon_participations')
    .select('reference')) as Array<{ reference: string }>;
  const coupons = (await strapi.db
    .connection('clearon_coupons')
    .select('reference', 'status', 'attempts', 'code', 'last_error_code')) as Array<
    Omit<OutboxRow, 'lastErrorCode'> & { last_error_code: string | null }
  >;
  return {
    participations: participations.map((row) => row.reference),
    coupons: coupons.map(({ last_error_code, ...row }) => ({
      ...row,
      attempts: Number(row.attempts),
      lastErrorCode: last_error_code,
    })),
  };
};

/** One person's participations (by email) and their coupon rows: the benchmark's race check. */
export const personSummary = async (strapi: Core.Strapi, input: { email: string }) => {
  const references = (
    (await strapi.db
      .connection('clearon_participations')
      .where('email', input.email)
      .select('reference')) as Array<{ reference: string }>
  ).map((row) => row.reference);
  const coupons = references.length
    ? ((await strapi.db
        .connection('clearon_coupons')
        .whereIn('reference', references)
        .select('reference', 'status')) as Array<{ reference: string; status: string }>)
    : [];
  return { references, coupons };
};

/** `count` issued coupons written straight to the tables (tests/fixtures/coupons.ts). */
export const seedIssuedCoupons = (strapi: Core.Strapi, input: { count: number }) =>
  seedCoupons(strapi, input.count);

/** A new super admin's JWT, for the admin routes. */
export const adminToken = async (strapi: Core.Strapi) =>
  (await createSuperAdmin({ strapi, server: strapi.server.httpServer } as TestApp)).token;
