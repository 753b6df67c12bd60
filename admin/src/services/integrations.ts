import type {
  IntegrationView as Integration,
  TestResult,
} from '../../../shared/contracts/integrations';
import type { IntegrationOption } from '../components/coupon/types';
import { crudEndpoints, itemUrl, writeMutation } from './crudEndpoints';
import { clearonApi } from './api';

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

interface RawIntegrationOption {
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
  return (data as RawIntegrationOption[])
    .filter((item) => item && (item.documentId ?? item.id) !== undefined)
    .map((item) => ({
      id: String(item.documentId ?? item.id),
      name: item.name ?? String(item.documentId ?? item.id),
      isDefault: item.isDefault === true,
      enabled: item.enabled !== false,
    }));
};

const BASE = '/clearon/integrations';
const TAG = 'ClearonIntegration';

/** Settings → ClearOn → Integrations (server/src/routes/integrations.ts). */
const integrationsApi = clearonApi.injectEndpoints({
  endpoints: (builder) => {
    const crud = crudEndpoints<Integration, IntegrationCreateBody, IntegrationUpdateBody>(
      builder,
      BASE,
      TAG
    );
    return {
      getIntegrations: crud.list,
      /** The integrations an editor may pick from (any admin; the API key never comes). */
      getIntegrationOptions: builder.query<IntegrationOption[], void>({
        query: () => '/clearon/integration-options',
        transformResponse: toIntegrationOptions,
        providesTags: [TAG],
      }),
      createIntegration: crud.create,
      updateIntegration: crud.update,
      deleteIntegration: crud.remove,
      /** A dry run against ClearOn; it records the integration's last check, hence the refresh. */
      testIntegration: writeMutation<TestResult, { id: string; couponCode: string }>(
        builder,
        TAG,
        ({ id, couponCode }) => ({
          url: `${itemUrl(BASE, id)}/test`,
          method: 'POST',
          data: { couponCode },
        })
      ),
    };
  },
});

/** The Integrations page's list and writes, for useSettingsCrud. */
export const integrationCrud = {
  useList: integrationsApi.useGetIntegrationsQuery,
  useCreate: integrationsApi.useCreateIntegrationMutation,
  useUpdate: integrationsApi.useUpdateIntegrationMutation,
  useRemove: integrationsApi.useDeleteIntegrationMutation,
};

export const {
  useGetIntegrationsQuery,
  useGetIntegrationOptionsQuery,
  useUpdateIntegrationMutation,
  useTestIntegrationMutation,
} = integrationsApi;
