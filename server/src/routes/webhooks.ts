import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';
import { allowed } from './allowed';

/** Admin routes (under /clearon): which of the app's Strapi webhooks get the plugin's events. */
const routes = [
  {
    method: 'GET',
    path: '/webhooks',
    handler: 'webhooks.find',
    config: { policies: allowed(ACTION.settingsRead) },
  },
  {
    method: 'PUT',
    path: '/webhooks/:id',
    handler: 'webhooks.update',
    config: { policies: allowed(ACTION.settingsUpdate) },
  },
] satisfies Core.RouteInput[];

export default routes;
