/** The RBAC actions of the ClearOn settings (registered by the server's bootstrap). */
export const SETTINGS_READ = 'plugin::clearon.settings.read';
export const SETTINGS_UPDATE = 'plugin::clearon.settings.update';

export const PERMISSIONS = {
  /** Who sees the settings links and pages. */
  read: [{ action: SETTINGS_READ, subject: null }],
  /** Who may create, edit, delete, test (useRBAC turns it into `canUpdate`). */
  update: [{ action: SETTINGS_UPDATE, subject: null }],
};
