import type { Core } from '@strapi/strapi';
import { actions } from './permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
};

export default bootstrap;
