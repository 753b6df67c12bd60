import type { FetchClient } from '@strapi/strapi/admin';

export type MappingVariableType = 'answer' | 'opt-in';

/** A mapping variable as `GET /clearon/mapping-variables` returns it. */
export interface MappingVariable {
  /** The documentId; for a built-in CRM variable, its technical name. */
  id: string;
  label: string;
  technicalName: string;
  type: MappingVariableType;
  availableInForms: boolean;
  /** A CRM variable every form has (firstname, lastname, email, phone): read-only. */
  builtIn: boolean;
}

export interface MappingVariableCreateBody {
  label: string;
  technicalName: string;
  type: MappingVariableType;
  availableInForms: boolean;
}

/** Only the label and availableInForms can change after creation. */
export interface MappingVariableUpdateBody {
  label?: string;
  availableInForms?: boolean;
}

/** The body of the 409 refusing to delete a variable that campaign forms use. */
export interface MappingVariableInUse {
  campaigns?: Array<{ id: string; title: string }>;
}

const BASE = '/clearon/mapping-variables';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** Same rule as the server: a letter, then letters, digits or underscores. */
export const TECHNICAL_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
export const TECHNICAL_NAME_MAX = 64;
export const LABEL_MAX = 100;

export const mappingVariablesApi = {
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
