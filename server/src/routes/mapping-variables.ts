import { settingsListRoutes } from './admin-route';

/** Admin routes (under /clearon): mapping variables (the options: those available in forms). */
export default settingsListRoutes('mapping-variables', '/mapping-variable-options');
