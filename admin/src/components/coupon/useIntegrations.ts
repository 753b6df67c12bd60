import { useGetIntegrationOptionsQuery } from '../../services/integrations';
import { listState } from '../shared/queryStatus';

/** The ClearOn integrations the editor can pick from (`GET /clearon/integration-options`). */
export const useIntegrations = () => {
  const { items: integrations, status } = listState(useGetIntegrationOptionsQuery());
  return { integrations, status };
};
