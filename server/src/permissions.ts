import { ACTIONS, type Action } from '../../shared/contracts/permissions';
import { PLUGIN_ID } from './utils/plugin-id';

/** The uid Strapi registers an action under: its full uid without `plugin::clearon.`. */
const uidOf = (action: Action) => action.slice(`plugin::${PLUGIN_ID}.`.length);

const settings = (action: Action, displayName: string) => ({
  section: 'settings' as const,
  category: 'ClearOn',
  subCategory: 'general',
  displayName,
  uid: uidOf(action),
  pluginName: PLUGIN_ID,
});

const plugin = (action: Action, displayName: string) => ({
  section: 'plugins' as const,
  displayName,
  uid: uidOf(action),
  pluginName: PLUGIN_ID,
});

export const actions = [
  settings(ACTIONS.settingsRead, 'Read ClearOn settings'),
  settings(ACTIONS.settingsUpdate, 'Update ClearOn settings'),
  plugin(ACTIONS.couponsRead, 'Read coupons'),
  plugin(ACTIONS.couponsRetry, 'Retry coupons'),
  plugin(ACTIONS.couponsExport, 'Export coupons'),
  plugin(ACTIONS.couponsTest, 'Send test coupons'),
  plugin(ACTIONS.privacyErase, 'Erase participant data'),
];

/** The full action uids, as routes and the admin check them (shared/contracts/permissions.ts). */
export const ACTION = ACTIONS;
