import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';

const routes: Core.RouteInput[] = [
  {
    method: 'POST',
    path: '/privacy/erase',
    handler: 'privacy.erase',
    config: {
      policies: [
        'admin::isAuthenticatedAdmin',
        { name: 'admin::hasPermissions', config: { actions: [ACTION.privacyErase] } },
      ],
    },
  },
];

export default routes;
