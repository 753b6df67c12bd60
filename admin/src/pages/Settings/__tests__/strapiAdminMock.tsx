import * as React from 'react';

/**
 * A stand-in for the few `@strapi/strapi/admin` exports the settings pages use, for jsdom tests:
 *   jest.mock('@strapi/strapi/admin', () => require('./strapiAdminMock').strapiAdmin);
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
};

export const strapiAdmin = {
  useFetchClient: () => state.client,
  useNotification: () => ({ toggleNotification: state.toggleNotification }),
  useRBAC: () => ({ isLoading: false, allowedActions: { canUpdate: state.canUpdate } }),
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
