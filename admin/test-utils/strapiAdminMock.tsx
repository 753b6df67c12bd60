import * as React from 'react';
import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';

/**
 * A stand-in for the `@strapi/strapi/admin` exports the plugin's admin uses, for jsdom tests:
 *   jest.mock('@strapi/strapi/admin', () => jest.requireActual('<path>/test-utils/strapiAdminMock').strapiAdmin);
 * Requests go to `state.client` (jest functions shaped like useFetchClient's), both from components
 * that call the client and from RTK Query endpoints, through a base query that answers as Strapi's
 * own `fetchBaseQuery` does: `{ data: body }`, or `{ error: body.error }` for a rejected request.
 */
export const state = {
  client: {
    get: jest.fn(),
    post: jest.fn(),
    put: jest.fn(),
    del: jest.fn(),
  },
  toggleNotification: jest.fn(),
  canUpdate: true,
  allowedActions: {} as Record<string, boolean>,
};

type Query = string | { url: string; method?: string; data?: unknown; config?: object };

const baseQuery: BaseQueryFn<Query, unknown, unknown> = async (query) => {
  const { url, method = 'GET', data, config } = typeof query === 'string' ? { url: query } : query;
  try {
    const { client } = state;
    const result =
      method === 'POST'
        ? await client.post(url, data, config)
        : method === 'PUT'
          ? await client.put(url, data, config)
          : method === 'DELETE'
            ? await client.del(url, config)
            : await client.get(url, config);
    return { data: result?.data };
  } catch (err) {
    const body = (err as { response?: { data?: { error?: unknown } } }).response?.data;
    if (body && typeof body === 'object' && 'error' in body) return { error: body.error };
    const error = err as Error & { status?: number };
    return { error: { name: 'UnknownError', message: error.message, status: error.status } };
  }
};

export const adminApi = createApi({
  reducerPath: 'adminApi',
  baseQuery,
  tagTypes: [],
  endpoints: () => ({}),
});

export const strapiAdmin = {
  adminApi,
  useFetchClient: () => state.client,
  useNotification: () => ({ toggleNotification: state.toggleNotification }),
  useRBAC: () => ({
    isLoading: false,
    allowedActions: { canUpdate: state.canUpdate, ...state.allowedActions },
  }),
  Page: {
    Main: ({ children }: { children: React.ReactNode }) => <main>{children}</main>,
    Loading: () => <p>Loading</p>,
    Title: () => null,
    Protect: ({ children }: { children: React.ReactNode }) => <>{children}</>,
  },
  Layouts: {
    Header: ({ title, primaryAction }: { title: string; primaryAction?: React.ReactNode }) => (
      <header>
        <h1>{title}</h1>
        {primaryAction}
      </header>
    ),
    Content: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  },
};

/** A rejected request as useFetchClient throws it. */
export const fetchError = (status: number, message: string, details: object = {}) =>
  Object.assign(new Error(message), {
    status,
    response: { data: { data: null, error: { status, message, details } } },
  });
