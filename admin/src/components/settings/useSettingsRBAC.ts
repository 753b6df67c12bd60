import { useRBAC } from '@strapi/strapi/admin';

import { PERMISSIONS } from './permissions';

/** Whether the current admin may change the ClearOn settings (read access is checked by the page). */
export const useSettingsRBAC = () => {
  const { isLoading, allowedActions } = useRBAC({ update: PERMISSIONS.update });
  return { isLoading, canUpdate: allowedActions.canUpdate === true };
};
