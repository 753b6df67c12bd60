import type { useFetchClient } from '@strapi/strapi/admin';

/** One integration whose circuit is open (`GET /clearon/coupons/circuits`). */
export interface OpenCircuit {
  integration: { id: string; name: string };
  /** Since when ClearOn has not answered. */
  openedAt: string;
  /** When the next probe goes to ClearOn. */
  nextProbeAt: string | null;
  failures: number;
}

type FetchClient = Pick<ReturnType<typeof useFetchClient>, 'get'>;

export const listOpenCircuits = async (client: FetchClient): Promise<OpenCircuit[]> => {
  const { data } = await client.get<{ data: OpenCircuit[] }>('/clearon/coupons/circuits');
  return Array.isArray(data?.data) ? data.data : [];
};
