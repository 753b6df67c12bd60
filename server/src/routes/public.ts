import type { Core } from '@strapi/strapi';

const AVAILABLE = 'plugin::clearon.database-unavailable';

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
    config: { auth: false, policies: [], middlewares: [AVAILABLE] },
  },
  {
    method: 'GET',
    path: '/campaigns/:slug',
    handler: 'public-campaigns.findOne',
    config: { auth: false, policies: [], middlewares: [AVAILABLE] },
  },
  {
    method: 'POST',
    path: '/campaigns/:slug/participations',
    handler: 'public-campaigns.participate',
    config: { auth: false, policies: [], middlewares: [AVAILABLE, 'plugin::clearon.rate-limit'] },
  },
  {
    method: 'GET',
    path: '/participations/:id',
    handler: 'public-campaigns.participation',
    config: { auth: false, policies: [], middlewares: [AVAILABLE] },
  },
];

export default routes;
