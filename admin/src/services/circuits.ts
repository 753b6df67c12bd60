import { clearonApi } from './api';

/** One integration whose circuit is open (`GET /clearon/coupons/circuits`). */
export interface OpenCircuit {
  integration: { id: string; name: string };
  /** Since when ClearOn has not answered. */
  openedAt: string;
  /** When the next probe goes to ClearOn. */
  nextProbeAt: string | null;
  failures: number;
}

const circuitsApi = clearonApi.injectEndpoints({
  endpoints: (builder) => ({
    getOpenCircuits: builder.query<OpenCircuit[], void>({
      query: () => '/clearon/coupons/circuits',
      transformResponse: (body: { data?: OpenCircuit[] } | undefined) =>
        Array.isArray(body?.data) ? body.data : [],
      providesTags: ['ClearonCircuit'],
    }),
  }),
});

export const { useGetOpenCircuitsQuery } = circuitsApi;
