import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';
import { allowed } from './allowed';

/** Admin routes (under /clearon): the CAPTCHA providers' settings. */
const routes = [
  {
    method: 'GET',
    path: '/captcha',
    handler: 'captcha-settings.find',
    config: { policies: allowed(ACTION.settingsRead) },
  },
  {
    method: 'PUT',
    path: '/captcha/:provider',
    handler: 'captcha-settings.update',
    config: { policies: allowed(ACTION.settingsUpdate) },
  },
] satisfies Core.RouteInput[];

export default routes;
