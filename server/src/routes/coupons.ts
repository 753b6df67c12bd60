import { ACTION } from '../permissions';
import { adminRoute } from './admin-route';

/** Admin routes (under /clearon): the coupons dashboard. */
export default [
  adminRoute('GET', '/coupons', 'coupons.find', ACTION.couponsRead),
  adminRoute('GET', '/coupons/stats', 'coupons.stats', ACTION.couponsRead),
  adminRoute('GET', '/coupons/circuits', 'coupons.circuits', ACTION.couponsRead),
  adminRoute('GET', '/campaign-options', 'coupons.campaignOptions', ACTION.couponsRead),
  adminRoute('GET', '/coupons/export', 'coupons.exportCsv', ACTION.couponsExport),
  adminRoute('POST', '/coupons/retry', 'coupons.retryAll', ACTION.couponsRetry),
  adminRoute('POST', '/coupons/:id/retry', 'coupons.retryOne', ACTION.couponsRetry),
];
