import type { Core } from '@strapi/strapi';
import { registerComponents } from './components';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerComponents(strapi);
  strapi.customFields.register({ name: 'coupon', plugin: 'clearon', type: 'json' });
};

export default register;
