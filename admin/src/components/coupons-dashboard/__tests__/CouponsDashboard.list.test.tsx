import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { card, openDashboard, openWithRow, renderDashboard, server } from './dashboardFixtures';

jest.mock(
  '@strapi/strapi/admin',
  () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin
);

const BANNER = 'ClearOn integrations that do not answer';

describe('CouponsDashboard: what it shows', () => {
  it('shows the counts by status for the current filters', async () => {
    await openDashboard();
    expect(within(card('Pending')).getByText('0')).toBeInTheDocument();
    expect(within(card('Issued')).getByText('1,234')).toBeInTheDocument();
    expect(within(card('Failed')).getByText('5')).toBeInTheDocument();
    expect(within(card('Dead')).getByText('2')).toBeInTheDocument();
    expect(server.requestsTo('/clearon/coupons/stats')[0].toString()).toBe('');
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
    const { grid } = await openWithRow(10, {
      status: 'pending',
      lastErrorCode: 'circuit_open',
      lastError: 'ClearOn is unreachable: waiting for it to answer a probe (one every 30 s)',
    });
    const banner = await screen.findByRole('region', { name: BANNER });
    const since = new Date('2030-06-01T08:00:00.000Z');
    const next = new Date('2030-06-01T10:00:30.000Z');
    const time = (date: Date) =>
      new Intl.DateTimeFormat('en', { hour: 'numeric', minute: 'numeric' }).format(date);
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(since);
    expect(banner).toHaveTextContent(
      `Acme: ClearOn unreachable since ${day} ${time(since)}, next try at ${time(next)}`
    );
    expect(banner).toHaveTextContent('Its coupons stay pending');
    expect(
      within(grid).getByText('ClearOn is unreachable: waiting for it to answer again')
    ).toBeInTheDocument();

    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Hide' }));
    expect(screen.queryByRole('region', { name: BANNER })).not.toBeInTheDocument();
  });

  it('has no needs-attention card and no ClearOn warning when there is nothing to say', async () => {
    await openDashboard();
    expect(screen.queryByRole('region', { name: 'Needs attention' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: BANNER })).not.toBeInTheDocument();
    expect(server.requestsTo('/clearon/coupons/circuits')).toHaveLength(1);
  });

  it('lists the coupons with masked recipients exactly as the server gives them', async () => {
    const { grid } = await openDashboard();
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

  it("shows a capped campaign's stock from the campaign options", async () => {
    server.campaigns = [
      { id: 'camp-summer', title: 'Summer game', maxCoupons: 100, couponsWritten: 85 },
    ];
    await openDashboard();
    const stock = await screen.findByRole('grid', {
      name: 'Coupon stock and blocked bots, per campaign',
    });
    expect(within(stock).getByRole('row', { name: /Summer game/ })).toHaveTextContent('85 / 100');
  });

  it('shows an empty state, and one for filters that match nothing', async () => {
    server.rows = [];
    server.stats = { pending: 0, issued: 0, failed: 0, dead: 0, needs_attention: 0 };
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
    expect(await screen.findByText('3 coupons')).toBeInTheDocument();
    expect(server.requestsTo('/clearon/coupons')).toHaveLength(2);
  });

  it('counts the coupons that need attention and names their problem', async () => {
    server.stats = { ...server.stats, needs_attention: 1 };
    const { grid } = await openWithRow(11, {
      status: 'needs_attention',
      lastErrorCode: 'incomplete_answer',
      lastError: 'ClearOn answered 201 without a complete coupon, 3 times',
    });
    expect(within(card('Needs attention')).getByText('1')).toBeInTheDocument();
    expect(within(grid).getByText('Needs attention')).toBeInTheDocument();
    expect(
      within(grid).getByText('ClearOn answered without a complete coupon')
    ).toBeInTheDocument();
  });
});
