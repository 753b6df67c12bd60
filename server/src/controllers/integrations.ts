import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  validateIntegrationCreate,
  validateIntegrationUpdate,
  validateTestConnection,
} from '../validation/integration';
import { getPluginConfig } from '../utils/get-plugin-config';
import { getService } from '../utils/get-service';
import { noSuch, settingsListActions } from './settings-list';

// Request bodies carry the API key: nothing here logs them.

const INTEGRATION = 'ClearOn integration';

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = () => ({ allowPrivateHosts: getPluginConfig(strapi).allowPrivateHosts === true });

  return {
    ...settingsListActions({
      what: INTEGRATION,
      service: () => getService(strapi, 'integrations'),
      validateCreate: (body) => validateIntegrationCreate(body, rules()),
      validateUpdate: (body) => validateIntegrationUpdate(body, rules()),
      // For editors choosing an integration in the coupon modal.
      options: (list) =>
        list.map(({ id, name, isDefault, enabled }) => ({ id, name, isDefault, enabled })),
    }),

    async test(ctx: Context) {
      const { couponCode } = await validateTestConnection(ctx.request.body);
      const result = await getService(strapi, 'integration-tester').test(ctx.params.id, couponCode);
      if (!result) throw noSuch(INTEGRATION, ctx.params.id);
      ctx.body = { data: result };
    },
  };
};

export default controller;
