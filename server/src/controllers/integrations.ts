import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import {
  validateIntegrationCreate,
  validateIntegrationUpdate,
  validateTestConnection,
} from '../validation/integration';
import { DefaultRequiredError, IntegrationInUseError } from '../services/integrations';
import { getPluginConfig } from '../utils/get-plugin-config';
import { sendConflict } from '../utils/error-response';
import { getService } from '../utils/get-service';

// Request bodies carry the API key: nothing here logs them.

const notFound = (id: unknown) =>
  new errors.NotFoundError(`No ClearOn integration has the id "${String(id).slice(0, 64)}"`);

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const integrations = () => getService(strapi, 'integrations');
  const rules = () => ({ allowPrivateHosts: getPluginConfig(strapi).allowPrivateHosts === true });

  return {
    /** Names only, for editors choosing an integration in the coupon modal (no settings.read needed). */
    async options(ctx: Context) {
      const list = await integrations().list();
      ctx.body = {
        data: list.map(({ id, name, isDefault, enabled }) => ({ id, name, isDefault, enabled })),
      };
    },

    async find(ctx: Context) {
      ctx.body = { data: await integrations().list() };
    },

    async findOne(ctx: Context) {
      const view = await integrations().get(ctx.params.id);
      if (!view) throw notFound(ctx.params.id);
      ctx.body = { data: view };
    },

    async create(ctx: Context) {
      const input = await validateIntegrationCreate(ctx.request.body, rules());
      ctx.status = 201;
      ctx.body = { data: await integrations().create(input) };
    },

    async update(ctx: Context) {
      const input = await validateIntegrationUpdate(ctx.request.body, rules());
      let view;
      try {
        view = await integrations().update(ctx.params.id, input);
      } catch (error) {
        if (error instanceof DefaultRequiredError) {
          throw new errors.ValidationError(error.message, {
            errors: [{ path: ['isDefault'], message: error.message, name: 'ValidationError' }],
          });
        }
        throw error;
      }
      if (!view) throw notFound(ctx.params.id);
      ctx.body = { data: view };
    },

    async delete(ctx: Context) {
      let view;
      try {
        view = await integrations().delete(ctx.params.id);
      } catch (error) {
        if (error instanceof IntegrationInUseError) {
          sendConflict(ctx, error.message, { pendingCoupons: error.pendingCoupons });
          return;
        }
        throw error;
      }
      if (!view) throw notFound(ctx.params.id);
      ctx.body = { data: view };
    },

    async test(ctx: Context) {
      const { couponCode } = await validateTestConnection(ctx.request.body);
      const result = await getService(strapi, 'integration-tester').test(ctx.params.id, couponCode);
      if (!result) throw notFound(ctx.params.id);
      ctx.body = { data: result };
    },
  };
};

export default controller;
