import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { mappingVariablesApi, type MappingVariableOption } from '../../api/mappingVariables';

export type OptionsStatus = 'loading' | 'ready' | 'error';

/** The mapping variables available in forms (fetched once per mount; any admin may read them). */
export const useMappingVariableOptions = () => {
  // Memoised by Strapi: one client per mount.
  const client = useFetchClient();
  const [state, setState] = React.useState<{
    variables: MappingVariableOption[];
    status: OptionsStatus;
  }>({ variables: [], status: 'loading' });

  React.useEffect(() => {
    let active = true;
    mappingVariablesApi
      .options(client)
      .then((variables) => {
        if (active) setState({ variables, status: 'ready' });
      })
      .catch(() => {
        if (active) setState({ variables: [], status: 'error' });
      });
    return () => {
      active = false;
    };
  }, [client]);

  return state;
};
