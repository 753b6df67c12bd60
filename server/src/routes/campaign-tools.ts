import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';
import { UID } from '../utils/plugin-id';
import { allowed } from './allowed';

/** Whoever may read campaigns in the Content Manager may preview them. */
const READ_CAMPAIGNS = { action: 'plugin::content-manager.explorer.read', subject: UID.campaign };

/** Admin routes (under /clearon): a campaign's preview and its test coupon. */
const routes: Core.RouteInput[] = [
  {
    method: 'GET',
    path: '/campaigns/:documentId/preview',
    handler: 'campaign-tools.preview',
    config: { policies: allowed(READ_CAMPAIGNS) },
  },
  {
    method: 'POST',
    path: '/campaigns/:documentId/test-coupon',
    handler: 'campaign-tools.testCoupon',
    config: { policies: allowed(READ_CAMPAIGNS, ACTION.couponsTest) },
  },
];

export default routes;
