import type { FetchClient } from '@strapi/strapi/admin';
import type {
  MappingVariableCreateInput,
  MappingVariableOption,
  MappingVariableUpdateInput,
  MappingVariableView as MappingVariable,
} from '../../../shared/contracts/mapping-variables';

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

const BASE = '/clearon/mapping-variables';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const mappingVariablesApi = {
  /** The variables available in forms (built-in ones first), readable by any admin. */
  async options(client: FetchClient): Promise<MappingVariableOption[]> {
    const { data } = await client.get<{ data: MappingVariableOption[] }>(
      '/clearon/mapping-variable-options'
    );
    return Array.isArray(data?.data) ? data.data : [];
  },

  async list(client: FetchClient): Promise<MappingVariable[]> {
    const { data } = await client.get<{ data: MappingVariable[] }>(BASE);
    return Array.isArray(data?.data) ? data.data : [];
  },

  async create(client: FetchClient, body: MappingVariableCreateBody): Promise<MappingVariable> {
    const { data } = await client.post<{ data: MappingVariable }>(BASE, body);
    return data.data;
  },

  async update(
    client: FetchClient,
    id: string,
    body: MappingVariableUpdateBody
  ): Promise<MappingVariable> {
    const { data } = await client.put<{ data: MappingVariable }>(one(id), body);
    return data.data;
  },

  async remove(client: FetchClient, id: string): Promise<void> {
    await client.del(one(id));
  },
};
