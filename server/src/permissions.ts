import { PLUGIN_ID } from './utils/plugin-id';

const settings = (action: string, displayName: string) => ({
  section: 'settings' as const,
  category: 'ClearOn',
  subCategory: 'general',
  displayName,
  uid: `settings.${action}`,
  pluginName: PLUGIN_ID,
});

const plugin = (uid: string, displayName: string) => ({
  section: 'plugins' as const,
  displayName,
  uid,
  pluginName: PLUGIN_ID,
});

export const actions = [
  settings('read', 'Read ClearOn settings'),
  settings('update', 'Update ClearOn settings'),
  plugin('coupons.read', 'Read coupons'),
  plugin('coupons.retry', 'Retry coupons'),
  plugin('coupons.export', 'Export coupons'),
  plugin('coupons.test', 'Send test coupons'),
  plugin('privacy.erase', 'Erase participant data'),
];

/** The full action uids, as routes and the admin check them. */
export const ACTION = {
  settingsRead: `plugin::${PLUGIN_ID}.settings.read`,
  settingsUpdate: `plugin::${PLUGIN_ID}.settings.update`,
  couponsRead: `plugin::${PLUGIN_ID}.coupons.read`,
  couponsRetry: `plugin::${PLUGIN_ID}.coupons.retry`,
  couponsExport: `plugin::${PLUGIN_ID}.coupons.export`,
  couponsTest: `plugin::${PLUGIN_ID}.coupons.test`,
  privacyErase: `plugin::${PLUGIN_ID}.privacy.erase`,
} as const;
