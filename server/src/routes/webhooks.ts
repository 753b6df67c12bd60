import { ACTION } from '../permissions';
import { adminRoute } from './admin-route';

/** Admin routes (under /clearon): which of the app's Strapi webhooks get the plugin's events. */
export default [
  adminRoute('GET', '/webhooks', 'webhooks.find', ACTION.settingsRead),
  adminRoute('PUT', '/webhooks/:id', 'webhooks.update', ACTION.settingsUpdate),
];
