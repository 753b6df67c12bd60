import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'privacy').stopSchedule();
  await getService(strapi, 'issuer').stop();
};

export default destroy;
