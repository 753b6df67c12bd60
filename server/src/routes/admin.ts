import type { Core } from '@strapi/strapi';
import integrations from './integrations';
import mappingVariables from './mapping-variables';
import coupons from './coupons';

export default {
  type: 'admin',
  routes: [...integrations, ...mappingVariables, ...coupons],
} satisfies Core.RouterInput;
