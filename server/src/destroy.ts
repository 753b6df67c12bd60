import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { closeLimiters } from './middlewares/rate-limit';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'privacy').stopSchedule();
  await getService(strapi, 'trigger-sweep').stop();
  await getService(strapi, 'issuer').stop();
  await closeLimiters(strapi);
};

export default destroy;
