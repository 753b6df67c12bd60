import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import type { IntegrationOption, IntegrationsStatus } from './types';

interface RawIntegration {
  id?: string | number;
  documentId?: string;
  name?: string;
  isDefault?: boolean;
  enabled?: boolean;
}

/** Normalises `GET /clearon/integration-options` → `{data: [{id, name, isDefault, enabled}]}`. */
export const toIntegrationOptions = (body: unknown): IntegrationOption[] => {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return [];
  return (data as RawIntegration[])
    .filter((item) => item && (item.documentId ?? item.id) !== undefined)
    .map((item) => ({
      id: String(item.documentId ?? item.id),
      name: item.name ?? String(item.documentId ?? item.id),
      isDefault: item.isDefault === true,
      enabled: item.enabled !== false,
    }));
};

/** The ClearOn integrations the editor can pick from (`get` is stable: fetched once per mount). */
export const useIntegrations = () => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{
    integrations: IntegrationOption[];
    status: IntegrationsStatus;
  }>({ integrations: [], status: 'loading' });

  React.useEffect(() => {
    let active = true;
    get('/clearon/integration-options')
      .then(({ data }) => {
        if (active) setState({ integrations: toIntegrationOptions(data), status: 'ready' });
      })
      .catch(() => {
        if (active) setState({ integrations: [], status: 'error' });
      });
    return () => {
      active = false;
    };
  }, [get]);

  return state;
};
