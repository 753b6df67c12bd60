import type { Core } from '@strapi/strapi';

export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.check',
      config: { auth: false, policies: [] },
    },
  ],
} satisfies Core.RouterInput;
