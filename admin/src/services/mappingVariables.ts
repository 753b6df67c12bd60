import type {
  MappingVariableCreateInput,
  MappingVariableOption,
  MappingVariableUpdateInput,
  MappingVariableView as MappingVariable,
} from '../../../shared/contracts/mapping-variables';
import { crudEndpoints, listQuery } from './crudEndpoints';
import { clearonApi } from './api';

export type {
  MappingVariableInUse,
  MappingVariableOption,
  MappingVariableType,
  MappingVariableView as MappingVariable,
} from '../../../shared/contracts/mapping-variables';
export {
  LABEL_MAX,
  TECHNICAL_NAME_MAX,
  TECHNICAL_NAME_PATTERN,
} from '../../../shared/contracts/mapping-variables';

/** The admin's create form always sends availableInForms. */
export type MappingVariableCreateBody = Required<MappingVariableCreateInput>;

/** Only the label and availableInForms can change after creation. */
export type MappingVariableUpdateBody = Pick<
  MappingVariableUpdateInput,
  'label' | 'availableInForms'
>;

const TAG = 'ClearonMappingVariable';

/** Settings → ClearOn → Mapping variables, and the form fields' picker of them. */
const mappingVariablesApi = clearonApi.injectEndpoints({
  endpoints: (builder) => {
    const crud = crudEndpoints<
      MappingVariable,
      MappingVariableCreateBody,
      MappingVariableUpdateBody
    >(builder, '/clearon/mapping-variables', TAG);
    return {
      getMappingVariables: crud.list,
      /** The variables available in forms (built-in ones first), readable by any admin. */
      getMappingVariableOptions: listQuery<MappingVariableOption>(
        builder,
        '/clearon/mapping-variable-options',
        TAG
      ),
      createMappingVariable: crud.create,
      updateMappingVariable: crud.update,
      /** A 409 names the campaigns whose forms still use the variable. */
      deleteMappingVariable: crud.remove,
    };
  },
});

/** The Mapping variables page's list and writes, for useSettingsCrud. */
export const mappingVariableCrud = {
  useList: mappingVariablesApi.useGetMappingVariablesQuery,
  useCreate: mappingVariablesApi.useCreateMappingVariableMutation,
  useUpdate: mappingVariablesApi.useUpdateMappingVariableMutation,
  useRemove: mappingVariablesApi.useDeleteMappingVariableMutation,
};

export const { useGetMappingVariableOptionsQuery } = mappingVariablesApi;
