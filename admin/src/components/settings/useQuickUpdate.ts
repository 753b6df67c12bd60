import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { toApiProblem } from '../../api/errors';
import {
  integrationsApi,
  type Integration,
  type IntegrationUpdateBody,
} from '../../api/integrations';
import { messages } from './messages';

/**
 * A one-click change of an integration from the table (enable/disable, make default): the row is
 * busy meanwhile, the outcome is notified, and the list is reloaded either way.
 */
export const useQuickUpdate = (reload: () => Promise<void>) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient();
  const [busyId, setBusyId] = React.useState<string | null>(null);

  const quickUpdate = async (
    integration: Integration,
    body: IntegrationUpdateBody,
    success: string
  ) => {
    setBusyId(integration.id);
    try {
      await integrationsApi.update(client, integration.id, body);
      toggleNotification({ type: 'success', message: success });
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: toApiProblem(error).message ?? formatMessage(messages.genericError),
      });
    } finally {
      setBusyId(null);
      await reload();
    }
  };

  return { busyId, quickUpdate };
};
