import type { FetchClient } from '@strapi/strapi/admin';
import type {
  IntegrationView as Integration,
  TestResult,
} from '../../../shared/contracts/integrations';

export type {
  CheckStatus,
  IntegrationView as Integration,
  TestResult,
  TestStatus,
} from '../../../shared/contracts/integrations';

export interface IntegrationCreateBody {
  name: string;
  endpoint: string;
  authHeaderName?: string;
  apiKey: string;
  timeoutMs?: number;
  enabled?: boolean;
  isDefault?: boolean;
}

/** An update; `apiKey` absent or '' keeps the stored key. */
export type IntegrationUpdateBody = Partial<IntegrationCreateBody>;

const BASE = '/clearon/integrations';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const integrationsApi = {
  async list(client: FetchClient): Promise<Integration[]> {
    const { data } = await client.get<{ data: Integration[] }>(BASE);
    return Array.isArray(data?.data) ? data.data : [];
  },

  async create(client: FetchClient, body: IntegrationCreateBody): Promise<Integration> {
    const { data } = await client.post<{ data: Integration }>(BASE, body);
    return data.data;
  },

  async update(client: FetchClient, id: string, body: IntegrationUpdateBody): Promise<Integration> {
    const { data } = await client.put<{ data: Integration }>(one(id), body);
    return data.data;
  },

  async remove(client: FetchClient, id: string): Promise<void> {
    await client.del(one(id));
  },

  async test(client: FetchClient, id: string, couponCode: string): Promise<TestResult> {
    const { data } = await client.post<{ data: TestResult }>(`${one(id)}/test`, { couponCode });
    return data.data;
  },
};
