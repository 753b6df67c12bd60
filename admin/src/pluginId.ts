export const PLUGIN_ID = 'clearon';
