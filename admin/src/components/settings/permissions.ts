import { ACTIONS, permission } from '../../../../shared/contracts/permissions';

/** The RBAC actions of the ClearOn settings (registered by the server's bootstrap). */
export const PERMISSIONS = {
  /** Who sees the settings links and pages. */
  read: [permission(ACTIONS.settingsRead)],
  /** Who may create, edit, delete, test (useRBAC turns it into `canUpdate`). */
  update: [permission(ACTIONS.settingsUpdate)],
};
