import { ACTION } from '../permissions';
import { adminRoute, settingsListRoutes } from './admin-route';

/** Admin routes (under /clearon): ClearOn integrations, and a connection test of one. */
export default [
  ...settingsListRoutes('integrations', '/integration-options'),
  adminRoute('POST', '/integrations/:id/test', 'integrations.test', ACTION.settingsUpdate),
];
