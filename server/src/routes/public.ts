import type { Core } from '@strapi/strapi';

const AVAILABLE = 'plugin::clearon.database-unavailable';
// Two budgets per client address (config `rateLimit.post` and `rateLimit.get`).
const LIMIT_POST = 'plugin::clearon.rate-limit';
const LIMIT_GET = 'plugin::clearon.rate-limit-get';

const routes: Core.RouteInput[] = [
  {
    method: 'GET',
    path: '/health',
    handler: 'health.check',
    config: { auth: false, policies: [], middlewares: [AVAILABLE] },
  },
  {
    method: 'GET',
    path: '/campaigns',
    handler: 'public-campaigns.find',
    config: { auth: false, policies: [], middlewares: [AVAILABLE, LIMIT_GET] },
  },
  {
    method: 'GET',
    path: '/campaigns/:slug',
    handler: 'public-campaigns.findOne',
    config: { auth: false, policies: [], middlewares: [AVAILABLE, LIMIT_GET] },
  },
  {
    method: 'POST',
    path: '/campaigns/:slug/participations',
    handler: 'public-campaigns.participate',
    config: { auth: false, policies: [], middlewares: [AVAILABLE, LIMIT_POST] },
  },
  {
    method: 'GET',
    path: '/participations/:id',
    handler: 'public-campaigns.participation',
    config: { auth: false, policies: [], middlewares: [AVAILABLE, LIMIT_GET] },
  },
];

export default routes;
