import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';

import type { OpenCircuit } from '../../../services/circuits';
import type { AdminCoupon, CampaignOption, CouponStats } from '../../../services/coupons';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { state } from '../../../../test-utils/strapiAdminMock';
import { CouponsDashboard } from '../CouponsDashboard';

/**
 * What the dashboard's tests share: coupon rows, a fake server behind the shared admin mock's
 * fetch client (`state.client`, also behind the RTK Query endpoints), and the rendered dashboard.
 * Each test file mocks `@strapi/strapi/admin` with test-utils/strapiAdminMock; importing this
 * file resets the server before each test.
 */

export const coupon = (id: number, overrides: Partial<AdminCoupon> = {}): AdminCoupon => ({
  id,
  documentId: `doc-${id}`,
  reference: `cl_ref_${id}`,
  campaign: 'camp-summer',
  trigger: null,
  couponCode: 'SUMMER10',
  validityDays: 30,
  delivery: 'button',
  channel: 'email',
  status: 'issued',
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  lastErrorCode: null,
  clearonCouponId: `co-${id}`,
  expiresAt: '2030-06-30T00:00:00.000Z',
  issuedAt: '2030-06-01T10:00:00.000Z',
  createdAt: '2030-06-01T09:59:58.000Z',
  recipient: 'a***@example.se',
  integration: { id: 'int-1', name: 'Acme' },
  ...overrides,
});

/** A row that has not been issued yet (no issue or expiry date). */
export const unissued = (id: number, overrides: Partial<AdminCoupon>) =>
  coupon(id, { issuedAt: null, expiresAt: null, ...overrides });

export const ROWS: AdminCoupon[] = [
  coupon(9, { recipient: '+46 70*** **12', channel: 'sms', delivery: 'automatic' }),
  unissued(8, {
    status: 'dead',
    attempts: 431,
    lastErrorCode: 'unreachable',
    lastError:
      'Gave up after 72 h of retries (431 attempts): Nothing accepts connections at clearon.test',
    campaign: 'camp-unknown',
  }),
  unissued(7, {
    status: 'failed',
    lastErrorCode: 'unknown_coupon',
    lastError: 'ClearOn does not know the coupon code "SUMMER10" (404)',
  }),
];

export const STATS: CouponStats = {
  pending: 0,
  issued: 1234,
  failed: 5,
  dead: 2,
  needs_attention: 0,
};

export interface ServerData {
  rows: AdminCoupon[];
  stats: CouponStats;
  circuits?: OpenCircuit[];
  campaigns?: CampaignOption[];
  total?: number;
  failList?: boolean;
}

/**
 * The fake server: what it answers (tests change it before or between requests) and what it was
 * asked (the shared mock's fetch client records the requests).
 */
export const server: ServerData & {
  /** The GET requests to `path`, as URLSearchParams. */
  requestsTo: (path: string) => URLSearchParams[];
  /** The POST requests: `[url, body]`. */
  posts: () => unknown[][];
} = {
  rows: ROWS,
  stats: STATS,
  requestsTo: (path) =>
    state.client.get.mock.calls
      .map(([url]) => String(url))
      .filter((url) => url.split('?')[0] === path)
      .map((url) => new URLSearchParams(url.split('?')[1] ?? '')),
  posts: () => state.client.post.mock.calls.map(([url, body]) => [url, body]),
};

const listAnswer = () => {
  if (server.failList) throw new Error('Service Unavailable');
  const total = server.total ?? server.rows.length;
  return {
    results: server.rows,
    pagination: { page: 1, pageSize: 25, total, pageCount: Math.ceil(total / 25) },
  };
};

const csvAnswer = () => ({
  data: new Blob(['reference\n'], { type: 'text/csv' }),
  headers: new Headers({
    'Content-Disposition': 'attachment; filename="clearon-coupons-2030-06-01.csv"',
  }),
});

const GET_ANSWERS: Record<string, () => unknown> = {
  '/clearon/campaign-options': () => ({
    data: server.campaigns ?? [{ id: 'camp-summer', title: 'Summer game', slug: 'summer' }],
  }),
  '/clearon/trigger-options': () => ({
    data: [{ key: 'signup-coupon', name: 'Sign-up coupon', source: 'admin' }],
  }),
  '/clearon/coupons/stats': () => ({ data: server.stats }),
  '/clearon/coupons/circuits': () => ({ data: server.circuits ?? [] }),
  '/clearon/coupons': listAnswer,
};

const respond = async (url: string, options?: { responseType?: string }) => {
  const [path] = url.split('?');
  if (path === '/clearon/coupons/export' && options?.responseType === 'blob') return csvAnswer();
  const answer = GET_ANSWERS[path];
  if (!answer) throw new Error(`unexpected GET ${url}`);
  return { data: answer() };
};

/** Before each test: fresh server data, fetch client and permissions (Retry and Export granted). */
beforeEach(() => {
  Object.assign(server, { rows: ROWS, stats: { ...STATS } });
  for (const key of ['circuits', 'campaigns', 'total', 'failList'] as const) delete server[key];
  jest.clearAllMocks();
  state.client.get.mockImplementation(respond);
  state.client.post.mockResolvedValue({ data: { data: { retried: 1 } } });
  state.allowedActions = { canRetry: true, canExport: true };
});

const Location = () => {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
};

/** The dashboard at `/plugins/clearon<search>`, with the URL's query shown in `location`. */
export const renderDashboard = (search = '') => {
  const notify = jest.fn();
  const view = renderWithProviders(
    <MemoryRouter
      initialEntries={[`/plugins/clearon${search}`]}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      <CouponsDashboard notify={notify} />
      <Location />
    </MemoryRouter>
  );
  return { notify, ...view };
};

export const table = () => screen.findByRole('grid', { name: 'Coupons, newest first' });

/** The dashboard once its table is shown (`grid`). */
export const openDashboard = async (search = '') => {
  const view = renderDashboard(search);
  return { ...view, grid: await table() };
};

/** The dashboard showing a single row that is not issued (yet), as the server has it. */
export const openWithRow = (id: number, overrides: Partial<AdminCoupon>) => {
  server.rows = [unissued(id, overrides)];
  return openDashboard();
};

export const card = (name: string) => screen.getByRole('region', { name });
export const locationQuery = () =>
  Object.fromEntries(new URLSearchParams(screen.getByTestId('location').textContent ?? ''));
