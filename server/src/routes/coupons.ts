import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';
import { allowed } from './allowed';

const routes: Core.RouteInput[] = [
  {
    method: 'GET',
    path: '/coupons',
    handler: 'coupons.find',
    config: { policies: allowed(ACTION.couponsRead) },
  },
  {
    method: 'GET',
    path: '/coupons/stats',
    handler: 'coupons.stats',
    config: { policies: allowed(ACTION.couponsRead) },
  },
  {
    method: 'GET',
    path: '/coupons/circuits',
    handler: 'coupons.circuits',
    config: { policies: allowed(ACTION.couponsRead) },
  },
  {
    method: 'GET',
    path: '/campaign-options',
    handler: 'coupons.campaignOptions',
    config: { policies: allowed(ACTION.couponsRead) },
  },
  {
    method: 'GET',
    path: '/coupons/export',
    handler: 'coupons.exportCsv',
    config: { policies: allowed(ACTION.couponsExport) },
  },
  {
    method: 'POST',
    path: '/coupons/retry',
    handler: 'coupons.retryAll',
    config: { policies: allowed(ACTION.couponsRetry) },
  },
  {
    method: 'POST',
    path: '/coupons/:id/retry',
    handler: 'coupons.retryOne',
    config: { policies: allowed(ACTION.couponsRetry) },
  },
];

export default routes;
