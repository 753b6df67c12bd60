import type { Core } from '@strapi/strapi';
import { applyContentManagerDefaults } from './content-manager/defaults';
import { adminDatabaseUnavailable } from './middlewares/database-unavailable';
import { limitRefusalAs409 } from './middlewares/limit-refusal';
import { actions } from './permissions';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Fails startup with a clear message when the API-key encryption key is missing or malformed.
  getService(strapi, 'secret-box').assertConfigured();
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  // Labels and layouts in the Content Manager, unless an editor has configured the view.
  await applyContentManagerDefaults(strapi);
  // After Strapi's own app middlewares (so inside strapi::errors), ahead of the router.
  strapi.server.use(adminDatabaseUnavailable(strapi));
  strapi.server.use(limitRefusalAs409());
  getService(strapi, 'issuer').start();
  getService(strapi, 'privacy').startSchedule();
  // A trigger in the config that names a missing type or field stops startup with its reason.
  getService(strapi, 'triggers').checkConfig();
  await getService(strapi, 'trigger-sweep').markStarts();
  getService(strapi, 'trigger-sweep').start();
};

export default bootstrap;
