import { ACTION } from '../permissions';
import { adminRoute } from './admin-route';

/** Admin routes (under /clearon): the CAPTCHA providers' settings. */
export default [
  adminRoute('GET', '/captcha', 'captcha-settings.find', ACTION.settingsRead),
  adminRoute('PUT', '/captcha/:provider', 'captcha-settings.update', ACTION.settingsUpdate),
];
