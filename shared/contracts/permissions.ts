/**
 * The plugin's RBAC actions: registered by the server's bootstrap (server/src/permissions.ts),
 * required by its admin routes, and checked by the admin before it shows a page or a button.
 */

export const PLUGIN_ID = 'clearon';

/** The full action uids (`plugin::clearon.<uid>`). */
export const ACTIONS = {
  settingsRead: 'plugin::clearon.settings.read',
  settingsUpdate: 'plugin::clearon.settings.update',
  couponsRead: 'plugin::clearon.coupons.read',
  couponsRetry: 'plugin::clearon.coupons.retry',
  couponsExport: 'plugin::clearon.coupons.export',
  couponsTest: 'plugin::clearon.coupons.test',
  privacyErase: 'plugin::clearon.privacy.erase',
} as const;

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

/** The permission objects the admin's `useRBAC` / `Page.Protect` / menu links take. */
export const permission = (action: Action) => ({ action, subject: null });
