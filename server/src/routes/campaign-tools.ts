import { ACTION } from '../permissions';
import { UID } from '../utils/plugin-id';
import { adminRoute } from './admin-route';

/** Whoever may read campaigns in the Content Manager may preview them. */
const READ_CAMPAIGNS = { action: 'plugin::content-manager.explorer.read', subject: UID.campaign };

/** Admin routes (under /clearon): a campaign's preview and its test coupon. */
export default [
  adminRoute('GET', '/campaigns/:documentId/preview', 'campaign-tools.preview', READ_CAMPAIGNS),
  adminRoute(
    'POST',
    '/campaigns/:documentId/test-coupon',
    'campaign-tools.testCoupon',
    READ_CAMPAIGNS,
    ACTION.couponsTest
  ),
];
