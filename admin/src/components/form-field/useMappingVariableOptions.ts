import { useGetMappingVariableOptionsQuery } from '../../services/mappingVariables';
import { listState, type LoadStatus } from '../shared/queryStatus';

export type OptionsStatus = LoadStatus;

/** The mapping variables available in forms (any admin may read them). */
export const useMappingVariableOptions = () => {
  const { items: variables, status } = listState(useGetMappingVariableOptionsQuery());
  return { variables, status };
};
