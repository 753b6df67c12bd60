import type { Core } from '@strapi/strapi';

const routes: Core.RouteInput[] = [
  {
    method: 'GET',
    path: '/health',
    handler: 'health.check',
    config: { auth: false, policies: [] },
  },
  {
    method: 'GET',
    path: '/campaigns',
    handler: 'public-campaigns.find',
    config: { auth: false, policies: [] },
  },
  {
    method: 'GET',
    path: '/campaigns/:slug',
    handler: 'public-campaigns.findOne',
    config: { auth: false, policies: [] },
  },
  {
    method: 'POST',
    path: '/campaigns/:slug/participations',
    handler: 'public-campaigns.participate',
    config: { auth: false, policies: [], middlewares: ['plugin::clearon.rate-limit'] },
  },
  {
    method: 'GET',
    path: '/participations/:id',
    handler: 'public-campaigns.participation',
    config: { auth: false, policies: [] },
  },
];

export default routes;
