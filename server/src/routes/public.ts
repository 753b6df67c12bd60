import type { Core } from '@strapi/strapi';

const routes: Core.RouteInput[] = [
  {
    method: 'GET',
    path: '/health',
    handler: 'health.check',
    config: { auth: false, policies: [] },
  },
];

export default routes;
