import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '../utils/errors';
import { getService } from '../utils/get-service';
import { sendError } from '../utils/error-response';
import {
  COUPON_STATUSES as STATUSES,
  RETRYABLE_STATUSES,
  type CouponFilters,
  type CouponStatus,
} from '../services/coupons';
import type { CampaignStock } from '../services/limits';
import { listOpenCircuits } from '../services/issuer-circuit';

/** Each campaign option with its stock: coupons written against its cap, honeypot hits. */
const withStock = <T extends { id: string }>(options: T[], stock: CampaignStock[]) => {
  const byId = new Map(stock.map((entry) => [entry.campaignDocumentId, entry]));
  return options.map((option) => ({
    ...option,
    couponsWritten: byId.get(option.id)?.couponsWritten ?? 0,
    honeypotHits: byId.get(option.id)?.honeypotHits ?? 0,
  }));
};

const invalid = (path: string, message: string) =>
  new errors.ValidationError(`${path} ${message}`, {
    errors: [{ path: [path], message, name: 'ValidationError' }],
  });

const readFilters = (query: Record<string, unknown>): CouponFilters => {
  const filters: CouponFilters = {};
  if (query.campaign !== undefined) {
    if (typeof query.campaign !== 'string' || query.campaign.length > 64)
      throw invalid('campaign', 'must be a campaign id');
    filters.campaign = query.campaign;
  }
  if (query.trigger !== undefined) {
    if (typeof query.trigger !== 'string' || query.trigger.length > 40)
      throw invalid('trigger', 'must be a trigger key');
    filters.trigger = query.trigger;
  }
  if (query.status !== undefined) {
    if (!STATUSES.includes(query.status as CouponStatus))
      throw invalid('status', `must be one of ${STATUSES.join(', ')}`);
    filters.status = query.status as CouponStatus;
  }
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      throw invalid(key, 'must be an ISO date');
    filters[key] = new Date(value).toISOString();
  }
  return filters;
};

const readInt = (value: unknown, name: string, fallback: number, max: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw invalid(name, `must be a whole number from 1 to ${max}`);
  return n;
};

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const coupons = () => getService(strapi, 'coupons');

  return {
    async find(ctx: Context) {
      const query = ctx.query as Record<string, unknown>;
      const filters = readFilters(query);
      const page = readInt(query.page, 'page', 1, 1_000_000);
      const pageSize = readInt(query.pageSize, 'pageSize', 25, 100);
      ctx.body = await coupons().list(filters, page, pageSize);
    },

    /** The integrations ClearOn does not answer for (circuit open): since when, next probe. */
    async circuits(ctx: Context) {
      ctx.body = { data: await listOpenCircuits(strapi) };
    },

    async stats(ctx: Context) {
      const { status: _status, ...filters } = readFilters(ctx.query as Record<string, unknown>);
      ctx.body = { data: await coupons().countByStatus(filters) };
    },

    async retryOne(ctx: Context) {
      const id = readInt(ctx.params.id, 'id', 0, Number.MAX_SAFE_INTEGER);
      const coupon = await coupons().findById(id);
      if (!coupon) throw new errors.NotFoundError('No such coupon');
      if (!RETRYABLE_STATUSES.includes(coupon.status)) {
        throw invalid(
          'status',
          `is "${coupon.status}": only failed, dead and needs_attention coupons can be retried`
        );
      }
      const { retried, skippedErased } = await coupons().retry({ ids: [id] });
      if (skippedErased > 0) {
        // Its recipient is gone: the coupon is never sent to ClearOn again.
        return sendError(
          ctx,
          409,
          "The participant's data was erased: this coupon cannot be retried",
          { reason: 'erased' }
        );
      }
      if (retried > 0) void getService(strapi, 'issuer').issueNow(id);
      ctx.body = { data: { retried } };
    },

    async exportCsv(ctx: Context) {
      const filters = readFilters(ctx.query as Record<string, unknown>);
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="clearon-coupons-${stamp}.csv"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = getService(strapi, 'coupon-export').stream(filters);
    },

    /** The campaigns' titles for the dashboard's filter (no Content Manager permission needed). */
    async campaignOptions(ctx: Context) {
      const [options, stock] = await Promise.all([
        getService(strapi, 'campaigns').listOptions(),
        getService(strapi, 'limits').stock(),
      ]);
      ctx.body = { data: withStock(options, stock) };
    },

    async retryAll(ctx: Context) {
      const filters = readFilters((ctx.request.body ?? {}) as Record<string, unknown>);
      // Coupons of erased participations are skipped: `skipped.erased` says how many.
      const { retried, skippedErased } = await coupons().retry(filters);
      ctx.body = { data: { retried, skipped: { erased: skippedErased } } };
    },
  };
};

export default controller;
