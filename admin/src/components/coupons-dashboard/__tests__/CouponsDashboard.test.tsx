import '@testing-library/jest-dom';
import * as React from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router-dom';

import type { OpenCircuit } from '../../../api/circuits';
import type { AdminCoupon, CouponStats } from '../../../api/coupons';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { CouponsDashboard, REFRESH_MS } from '../CouponsDashboard';

// Only what needs a running admin is mocked: the fetch client and the permission check.
const mockGet = jest.fn();
const mockPost = jest.fn();
const mockRBAC = {
  allowedActions: { canRetry: true, canExport: true } as Record<string, boolean>,
  isLoading: false,
};

jest.mock('@strapi/strapi/admin', () => ({
  useFetchClient: () => ({ get: mockGet, post: mockPost }),
  useRBAC: () => mockRBAC,
}));

const coupon = (id: number, overrides: Partial<AdminCoupon> = {}): AdminCoupon => ({
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

const ROWS: AdminCoupon[] = [
  coupon(9, { recipient: '+46 70*** **12', channel: 'sms', delivery: 'automatic' }),
  coupon(8, {
    status: 'dead',
    attempts: 431,
    issuedAt: null,
    expiresAt: null,
    lastErrorCode: 'unreachable',
    lastError:
      'Gave up after 72 h of retries (431 attempts): Nothing accepts connections at clearon.test',
    campaign: 'camp-unknown',
  }),
  coupon(7, {
    status: 'failed',
    issuedAt: null,
    expiresAt: null,
    lastErrorCode: 'unknown_coupon',
    lastError: 'ClearOn does not know the coupon code "SUMMER10" (404)',
  }),
];

const STATS: CouponStats = { pending: 0, issued: 1234, failed: 5, dead: 2, needs_attention: 0 };

interface Server {
  rows: AdminCoupon[];
  stats: CouponStats;
  circuits?: OpenCircuit[];
  total?: number;
  failList?: boolean;
}
let server: Server;

const respond = (url: string, options?: { responseType?: string }) => {
  const [path] = url.split('?');
  if (path === '/clearon/campaign-options') {
    return { data: { data: [{ id: 'camp-summer', title: 'Summer game', slug: 'summer' }] } };
  }
  if (path === '/clearon/trigger-options') {
    return { data: { data: [{ key: 'signup-coupon', name: 'Sign-up coupon', source: 'admin' }] } };
  }
  if (path === '/clearon/coupons/stats') return { data: { data: server.stats } };
  if (path === '/clearon/coupons/circuits') return { data: { data: server.circuits ?? [] } };
  if (path === '/clearon/coupons/export' && options?.responseType === 'blob') {
    return {
      data: new Blob(['reference\n'], { type: 'text/csv' }),
      headers: new Headers({
        'Content-Disposition': 'attachment; filename="clearon-coupons-2030-06-01.csv"',
      }),
    };
  }
  if (path === '/clearon/coupons') {
    if (server.failList) throw new Error('Service Unavailable');
    const total = server.total ?? server.rows.length;
    return {
      data: {
        results: server.rows,
        pagination: { page: 1, pageSize: 25, total, pageCount: Math.ceil(total / 25) },
      },
    };
  }
  throw new Error(`unexpected GET ${url}`);
};

/** The requests to `path`, as URLSearchParams. */
const requestsTo = (path: string) =>
  mockGet.mock.calls
    .map(([url]) => String(url))
    .filter((url) => url.split('?')[0] === path)
    .map((url) => new URLSearchParams(url.split('?')[1] ?? ''));

const Location = () => {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
};

const renderDashboard = (search = '') => {
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

const table = () => screen.findByRole('grid', { name: 'Coupons, newest first' });
const card = (name: string) => screen.getByRole('region', { name });

beforeEach(() => {
  server = { rows: ROWS, stats: { ...STATS } };
  mockGet.mockReset();
  mockGet.mockImplementation(async (url: string, options?: { responseType?: string }) =>
    respond(url, options)
  );
  mockPost.mockReset();
  mockPost.mockResolvedValue({ data: { data: { retried: 1 } } });
  mockRBAC.allowedActions = { canRetry: true, canExport: true };
  mockRBAC.isLoading = false;
});

describe('CouponsDashboard', () => {
  it('shows the counts by status for the current filters', async () => {
    renderDashboard();
    await table();
    expect(within(card('Pending')).getByText('0')).toBeInTheDocument();
    expect(within(card('Issued')).getByText('1,234')).toBeInTheDocument();
    expect(within(card('Failed')).getByText('5')).toBeInTheDocument();
    expect(within(card('Dead')).getByText('2')).toBeInTheDocument();
    expect(requestsTo('/clearon/coupons/stats')[0].toString()).toBe('');
  });

  it('says which integrations ClearOn does not answer for, and until when it waits', async () => {
    server.circuits = [
      {
        integration: { id: 'int-1', name: 'Acme' },
        openedAt: '2030-06-01T08:00:00.000Z',
        nextProbeAt: '2030-06-01T10:00:30.000Z',
        failures: 7,
      },
    ];
    server.rows = [
      coupon(10, {
        status: 'pending',
        issuedAt: null,
        expiresAt: null,
        lastErrorCode: 'circuit_open',
        lastError: 'ClearOn is unreachable: waiting for it to answer a probe (one every 30 s)',
      }),
    ];
    renderDashboard();
    const banner = await screen.findByRole('region', {
      name: 'ClearOn integrations that do not answer',
    });
    const since = new Date('2030-06-01T08:00:00.000Z');
    const next = new Date('2030-06-01T10:00:30.000Z');
    const time = (date: Date) =>
      new Intl.DateTimeFormat('en', { hour: 'numeric', minute: 'numeric' }).format(date);
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(since);
    expect(banner).toHaveTextContent(
      `Acme: ClearOn unreachable since ${day} ${time(since)}, next try at ${time(next)}`
    );
    expect(banner).toHaveTextContent('Its coupons stay pending');
    const grid = await table();
    expect(
      within(grid).getByText('ClearOn is unreachable: waiting for it to answer again')
    ).toBeInTheDocument();

    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Hide' }));
    expect(
      screen.queryByRole('region', { name: 'ClearOn integrations that do not answer' })
    ).not.toBeInTheDocument();
  });

  it('counts and retries the coupons that need attention', async () => {
    const user = userEvent.setup();
    server.stats = { ...STATS, needs_attention: 1 };
    server.rows = [
      coupon(11, {
        status: 'needs_attention',
        issuedAt: null,
        expiresAt: null,
        lastErrorCode: 'incomplete_answer',
        lastError: 'ClearOn answered 201 without a complete coupon, 3 times',
      }),
    ];
    renderDashboard();
    const grid = await table();
    expect(within(card('Needs attention')).getByText('1')).toBeInTheDocument();
    expect(within(grid).getByText('Needs attention')).toBeInTheDocument();
    expect(
      within(grid).getByText('ClearOn answered without a complete coupon')
    ).toBeInTheDocument();
    await user.click(within(grid).getByRole('button', { name: 'Retry the coupon cl_ref_11' }));
    expect(mockPost).toHaveBeenCalledWith('/clearon/coupons/11/retry');
  });

  it('has no needs-attention card and no ClearOn warning when there is nothing to say', async () => {
    renderDashboard();
    await table();
    expect(screen.queryByRole('region', { name: 'Needs attention' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'ClearOn integrations that do not answer' })
    ).not.toBeInTheDocument();
    expect(requestsTo('/clearon/coupons/circuits')).toHaveLength(1);
  });

  it('lists the coupons with masked recipients exactly as the server gives them', async () => {
    renderDashboard();
    const grid = await table();
    expect(within(grid).getAllByText('a***@example.se')).toHaveLength(2);
    expect(within(grid).getByText('+46 70*** **12')).toBeInTheDocument();
    // Campaign titles come from the campaign options; an unknown campaign shows its id.
    expect(within(grid).getAllByText('Summer game')).toHaveLength(2);
    expect(within(grid).getByText('camp-unknown')).toBeInTheDocument();
    // The last error in plain words.
    expect(within(grid).getByText('ClearOn could not be reached')).toBeInTheDocument();
    expect(
      within(grid).getByText('ClearOn does not know this coupon code: check it on the exit screen')
    ).toBeInTheDocument();
    expect(screen.getByText('3 coupons')).toBeInTheDocument();
  });

  it('puts a filter change in the URL and in the requests', async () => {
    const user = userEvent.setup();
    server.total = 60;
    renderDashboard('?campaign=camp-summer&from=2030-06-01&page=2');
    await table();
    const [first] = requestsTo('/clearon/coupons');
    expect(first.get('campaign')).toBe('camp-summer');
    expect(first.get('from')).toBe(new Date(2030, 5, 1).toISOString());
    expect(first.get('page')).toBe('2');
    expect(first.get('pageSize')).toBe('25');
    expect(first.has('status')).toBe(false);

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(screen.getByRole('option', { name: 'Failed' }));

    await waitFor(() => expect(requestsTo('/clearon/coupons')).toHaveLength(2));
    const second = requestsTo('/clearon/coupons')[1];
    expect(second.get('status')).toBe('failed');
    expect(second.get('campaign')).toBe('camp-summer');
    expect(second.get('page')).toBe('1');
    // The counts cover every status of the filtered campaign and dates.
    const stats = requestsTo('/clearon/coupons/stats');
    expect(stats[stats.length - 1].has('status')).toBe(false);
    expect(stats[stats.length - 1].get('campaign')).toBe('camp-summer');
    const location = new URLSearchParams(screen.getByTestId('location').textContent ?? '');
    expect(Object.fromEntries(location)).toEqual({
      campaign: 'camp-summer',
      from: '2030-06-01',
      status: 'failed',
    });
  });

  it('filters by coupon trigger and names the trigger on rows without a campaign', async () => {
    const user = userEvent.setup();
    server.rows = [
      coupon(12, { campaign: null, trigger: 'signup-coupon', status: 'failed' }),
      coupon(13, { campaign: null, trigger: 'gone-trigger' }),
    ];
    mockPost.mockResolvedValue({ data: { data: { retried: 1 } } });
    renderDashboard('?trigger=signup-coupon');
    const grid = await table();
    expect(within(grid).getByText('Trigger: Sign-up coupon')).toBeInTheDocument();
    expect(within(grid).getByText('Trigger: gone-trigger')).toBeInTheDocument();
    expect(requestsTo('/clearon/coupons')[0].get('trigger')).toBe('signup-coupon');
    expect(requestsTo('/clearon/coupons/stats')[0].get('trigger')).toBe('signup-coupon');
    expect(screen.getByRole('combobox', { name: 'Coupon trigger' })).toHaveTextContent(
      'Sign-up coupon'
    );

    await user.click(screen.getByRole('button', { name: 'Retry all failed' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Retry the failed coupons?' });
    await user.click(within(dialog).getByRole('button', { name: 'Retry them' }));
    expect(mockPost).toHaveBeenCalledWith('/clearon/coupons/retry', { trigger: 'signup-coupon' });

    await user.click(screen.getByRole('combobox', { name: 'Coupon trigger' }));
    await user.click(screen.getByRole('option', { name: 'All triggers' }));
    await waitFor(() =>
      expect(requestsTo('/clearon/coupons').some((params) => !params.has('trigger'))).toBe(true)
    );
    expect(screen.getByTestId('location').textContent).toBe('');
  });

  it('paginates with links that keep the filters', async () => {
    const user = userEvent.setup();
    server.total = 60;
    renderDashboard('?status=issued');
    await table();
    const next = screen.getByRole('link', { name: 'Go to the next page' });
    expect(next).toHaveAttribute('href', '/plugins/clearon?status=issued&page=2');
    await user.click(screen.getByRole('link', { name: 'Go to page 3' }));
    await waitFor(() => expect(requestsTo('/clearon/coupons')).toHaveLength(2));
    expect(requestsTo('/clearon/coupons')[1].get('page')).toBe('3');
    expect(requestsTo('/clearon/coupons')[1].get('status')).toBe('issued');
  });

  it('retries one coupon through its route, then reloads the page', async () => {
    const user = userEvent.setup();
    const { notify } = renderDashboard();
    const grid = await table();
    // Only failed and dead rows have a Retry button.
    expect(within(grid).getAllByRole('button', { name: /^Retry the coupon/ })).toHaveLength(2);
    const before = requestsTo('/clearon/coupons').length;

    server.rows = ROWS.map((row) => (row.id === 7 ? { ...row, status: 'pending' } : row));
    await user.click(within(grid).getByRole('button', { name: 'Retry the coupon cl_ref_7' }));

    expect(mockPost).toHaveBeenCalledWith('/clearon/coupons/7/retry');
    await waitFor(() => expect(requestsTo('/clearon/coupons').length).toBe(before + 1));
    expect(notify).toHaveBeenCalledWith({ type: 'success', message: '1 coupon is being retried' });
    await waitFor(() =>
      expect(within(grid).getAllByRole('button', { name: /^Retry the coupon/ })).toHaveLength(1)
    );
  });

  it('retries all failed coupons of the filters after a confirmation', async () => {
    const user = userEvent.setup();
    mockPost.mockResolvedValue({ data: { data: { retried: 7 } } });
    const { notify } = renderDashboard('?campaign=camp-summer');
    await table();

    await user.click(screen.getByRole('button', { name: 'Retry all failed' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Retry the failed coupons?' });
    expect(dialog).toHaveTextContent(
      '7 failed or dead coupons matching the filters go back to the queue.'
    );
    expect(mockPost).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Retry them' }));

    expect(mockPost).toHaveBeenCalledWith('/clearon/coupons/retry', { campaign: 'camp-summer' });
    await waitFor(() =>
      expect(notify).toHaveBeenCalledWith({
        type: 'success',
        message: '7 coupons are being retried',
      })
    );
  });

  it('tells the server why a retry failed', async () => {
    const user = userEvent.setup();
    mockPost.mockRejectedValue(
      Object.assign(new Error('Bad Request'), {
        response: { data: { error: { message: 'status is "issued"' } } },
      })
    );
    const { notify } = renderDashboard();
    const grid = await table();
    await user.click(within(grid).getByRole('button', { name: 'Retry the coupon cl_ref_8' }));
    await waitFor(() =>
      expect(notify).toHaveBeenCalledWith({
        type: 'danger',
        message: 'The retry failed: status is "issued"',
      })
    );
  });

  it('hides Retry and Export CSV without the permissions', async () => {
    mockRBAC.allowedActions = { canRetry: false, canExport: false };
    renderDashboard();
    const grid = await table();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry all failed' })).not.toBeInTheDocument();
    expect(within(grid).queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  });

  it('downloads the CSV of the filtered rows', async () => {
    const user = userEvent.setup();
    const createObjectURL = jest.fn(() => 'blob:coupons');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderDashboard('?status=dead&to=2030-06-30');
    await table();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const [url, options] = mockGet.mock.calls.find(([u]) =>
      String(u).startsWith('/clearon/coupons/export')
    )!;
    const params = new URLSearchParams(String(url).split('?')[1]);
    expect(Object.fromEntries(params)).toEqual({
      status: 'dead',
      to: new Date(2030, 5, 30, 23, 59, 59, 999).toISOString(),
    });
    expect(options).toEqual({ responseType: 'blob' });
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe('clearon-coupons-2030-06-01.csv');
    click.mockRestore();
  });

  it('shows an empty state, and one for filters that match nothing', async () => {
    server = {
      rows: [],
      stats: { pending: 0, issued: 0, failed: 0, dead: 0, needs_attention: 0 },
    };
    const { unmount } = renderDashboard();
    expect(await screen.findByText('No coupon has been issued yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Retry all failed' })).toBeDisabled();
    unmount();

    const user = userEvent.setup();
    renderDashboard('?status=dead');
    expect(await screen.findByText('No coupon matches these filters')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear the filters' })[0]);
    expect(screen.getByTestId('location')).toHaveTextContent(/^$/);
  });

  it('shows a loading state, then an error state with Try again', async () => {
    server.failList = true;
    const user = userEvent.setup();
    renderDashboard();
    expect(screen.getByText('Loading the coupons…')).toBeInTheDocument();
    expect(
      await screen.findByText('The coupons could not be loaded. Service Unavailable')
    ).toBeInTheDocument();

    server.failList = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await table();
  });
});

describe('CouponsDashboard auto-refresh', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reloads every 5 seconds while a row is pending, and stops on unmount', async () => {
    server.rows = [coupon(1, { status: 'pending', issuedAt: null, expiresAt: null })];
    const { unmount } = renderDashboard();
    await table();
    expect(
      screen.getByText('Some coupons are pending: this page refreshes every 5 seconds')
    ).toBeInTheDocument();
    expect(requestsTo('/clearon/coupons')).toHaveLength(1);

    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS);
    });
    await waitFor(() => expect(requestsTo('/clearon/coupons')).toHaveLength(2));

    // Issued now: no more refreshes.
    server.rows = [coupon(1)];
    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS);
    });
    await waitFor(() => expect(requestsTo('/clearon/coupons')).toHaveLength(3));
    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS * 3);
    });
    expect(requestsTo('/clearon/coupons')).toHaveLength(3);

    // Pending again, then unmounted: the timer is gone.
    server.rows = [coupon(1, { status: 'pending' })];
    unmount();
    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS * 3);
    });
    expect(requestsTo('/clearon/coupons')).toHaveLength(3);
  });

  it('does not refresh when no row is pending', async () => {
    renderDashboard();
    await table();
    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS * 2);
    });
    expect(requestsTo('/clearon/coupons')).toHaveLength(1);
    expect(
      screen.queryByText('Some coupons are pending: this page refreshes every 5 seconds')
    ).not.toBeInTheDocument();
  });
});
