import * as React from 'react';

import {
  useUpdateIntegrationMutation,
  type Integration,
  type IntegrationUpdateBody,
} from '../../services/integrations';
import { useNotifiedSave } from './useNotifiedSave';

/**
 * A one-click change of an integration from the table (enable/disable, make default): the row is
 * busy meanwhile and the outcome is notified; the list refreshes either way (the update
 * invalidates it).
 */
export const useQuickUpdate = () => {
  const [update] = useUpdateIntegrationMutation();
  const save = useNotifiedSave();
  const [busyId, setBusyId] = React.useState<string | null>(null);

  const quickUpdate = async (
    integration: Integration,
    body: IntegrationUpdateBody,
    success: string
  ) => {
    setBusyId(integration.id);
    await save(() => update({ id: integration.id, body }).unwrap(), success);
    setBusyId(null);
  };

  return { busyId, quickUpdate };
};
