import type { Core } from '@strapi/strapi';
import integrations from './integrations';
import mappingVariables from './mapping-variables';
import coupons from './coupons';
import privacy from './privacy';
import campaignTools from './campaign-tools';
import captcha from './captcha';
import triggers from './triggers';
import webhooks from './webhooks';

export default {
  type: 'admin',
  routes: [
    ...integrations,
    ...mappingVariables,
    ...coupons,
    ...privacy,
    ...campaignTools,
    ...captcha,
    ...triggers,
    ...webhooks,
  ],
} satisfies Core.RouterInput;
