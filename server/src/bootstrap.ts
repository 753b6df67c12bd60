import type { Core } from '@strapi/strapi';
import { adminDatabaseUnavailable } from './middlewares/database-unavailable';
import { actions } from './permissions';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Fails startup with a clear message when the API-key encryption key is missing or malformed.
  getService(strapi, 'secret-box').assertConfigured();
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  // After Strapi's own app middlewares (so inside strapi::errors), ahead of the router.
  strapi.server.use(adminDatabaseUnavailable(strapi));
  getService(strapi, 'issuer').start();
  getService(strapi, 'privacy').startSchedule();
};

export default bootstrap;
