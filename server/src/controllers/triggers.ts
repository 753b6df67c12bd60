import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '../utils/errors';
import type { EntryCoupon, TriggerOption } from '../../../shared/contracts/triggers';
import { getService } from '../utils/get-service';
import { sendError } from '../utils/error-response';
import { UID } from '../utils/plugin-id';
import type { CouponRow } from '../services/coupons';

const notFound = (key: unknown) =>
  new errors.NotFoundError(`No coupon trigger has the key "${String(key).slice(0, 64)}"`);

const queryText = (query: Record<string, unknown>, name: string, max: number, required = true) => {
  const value = query[name];
  if (value === undefined && !required) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new errors.ValidationError(`${name} must be given (at most ${max} characters)`, {
      errors: [{ path: [name], message: `${name} must be given`, name: 'ValidationError' }],
    });
  }
  return value;
};

const toEntryCoupon = (row: CouponRow, names: Map<string, string>): EntryCoupon => {
  const shown = row.delivery === 'button' && row.status === 'issued';
  return {
    id: row.id,
    trigger: row.triggerKey ?? '',
    triggerName: names.get(row.triggerKey ?? '') ?? row.triggerKey ?? '',
    locale: row.sourceLocale ?? '',
    status: row.status,
    recipient: row.recipientMasked ?? null,
    delivery: row.delivery,
    code: shown ? row.code : null,
    redeemUrl: shown ? row.redeemUrl : null,
    lastErrorCode: row.lastErrorCode,
    createdAt: row.createdAt,
  };
};

/** Settings → ClearOn → Coupon triggers, and the Content Manager's coupon panel. */
const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const triggers = () => getService(strapi, 'triggers');
  return {
    async find(ctx: Context) {
      ctx.body = { data: await triggers().list() };
    },

    /** For readers of the coupons (no settings permission needed): keys and names only. */
    async options(ctx: Context) {
      const list = await triggers().list();
      ctx.body = {
        data: list.map(({ key, name, contentType }): TriggerOption => ({ key, name, contentType })),
      };
    },

    async contentTypes(ctx: Context) {
      ctx.body = { data: triggers().contentTypes() };
    },

    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await triggers().create(ctx.request.body) };
    },

    async update(ctx: Context) {
      const trigger = await triggers().update(ctx.params.key, ctx.request.body);
      if (!trigger) throw notFound(ctx.params.key);
      ctx.body = { data: trigger };
    },

    async delete(ctx: Context) {
      const removed = await triggers().remove(ctx.params.key);
      if (removed === 'config') {
        sendError(ctx, 409, 'This trigger is declared in the plugin config: remove it there');
        return;
      }
      if (!removed) throw notFound(ctx.params.key);
      ctx.status = 204;
    },

    /** The coupons of one entry: `?uid=api::signup.signup&documentId=…[&locale=…]`. */
    async entryCoupons(ctx: Context) {
      const query = ctx.query as Record<string, unknown>;
      const uid = queryText(query, 'uid', 120);
      const documentId = queryText(query, 'documentId', 64);
      const locale = queryText(query, 'locale', 32, false);
      const rows = (await strapi.db.query(UID.coupon).findMany({
        where: {
          sourceUid: uid,
          sourceDocumentId: documentId,
          ...(locale ? { sourceLocale: { $in: [locale, ''] } } : {}),
        },
        orderBy: { id: 'asc' },
      })) as CouponRow[];
      const all = await triggers().list();
      const names = new Map(all.map((trigger) => [trigger.key, trigger.name]));
      const active = all.some((trigger) => trigger.contentType === uid);
      ctx.body = {
        data: rows.map((row) => toEntryCoupon(row, names)),
        meta: { hasTriggers: active },
      };
    },

    /** Runs the sweep now (every trigger, whatever its turn): the coupons it wrote. */
    async sweep(ctx: Context) {
      ctx.body = {
        data: { written: await getService(strapi, 'trigger-sweep').sweep({ force: true }) },
      };
    },
  };
};

export default controller;
