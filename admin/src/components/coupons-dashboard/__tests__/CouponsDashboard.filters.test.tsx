import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { coupon, locationQuery, openDashboard, server } from './dashboardFixtures';

jest.mock(
  '@strapi/strapi/admin',
  () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin
);

/** Picks `option` in the select labelled `label`. */
const choose = async (user: ReturnType<typeof userEvent.setup>, label: string, option: string) => {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(screen.getByRole('option', { name: option }));
};

describe('CouponsDashboard: filters and pages', () => {
  it('puts a filter change in the URL and in the requests', async () => {
    const user = userEvent.setup();
    server.total = 60;
    await openDashboard('?campaign=camp-summer&from=2030-06-01&page=2');
    const [first] = server.requestsTo('/clearon/coupons');
    expect(first.get('campaign')).toBe('camp-summer');
    expect(first.get('from')).toBe(new Date(2030, 5, 1).toISOString());
    expect(first.get('page')).toBe('2');
    expect(first.get('pageSize')).toBe('25');
    expect(first.has('status')).toBe(false);

    await choose(user, 'Status', 'Failed');

    await waitFor(() => expect(server.requestsTo('/clearon/coupons')).toHaveLength(2));
    const second = server.requestsTo('/clearon/coupons')[1];
    expect(second.get('status')).toBe('failed');
    expect(second.get('campaign')).toBe('camp-summer');
    expect(second.get('page')).toBe('1');
    // The counts cover every status of the filtered campaign and dates.
    const stats = server.requestsTo('/clearon/coupons/stats');
    expect(stats[stats.length - 1].has('status')).toBe(false);
    expect(stats[stats.length - 1].get('campaign')).toBe('camp-summer');
    expect(locationQuery()).toEqual({
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
    const { grid } = await openDashboard('?trigger=signup-coupon');
    expect(within(grid).getByText('Trigger: Sign-up coupon')).toBeInTheDocument();
    expect(within(grid).getByText('Trigger: gone-trigger')).toBeInTheDocument();
    expect(server.requestsTo('/clearon/coupons')[0].get('trigger')).toBe('signup-coupon');
    expect(server.requestsTo('/clearon/coupons/stats')[0].get('trigger')).toBe('signup-coupon');
    expect(screen.getByRole('combobox', { name: 'Coupon trigger' })).toHaveTextContent(
      'Sign-up coupon'
    );

    await user.click(screen.getByRole('button', { name: 'Retry all failed' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Retry the failed coupons?' });
    await user.click(within(dialog).getByRole('button', { name: 'Retry them' }));
    expect(server.posts()).toEqual([['/clearon/coupons/retry', { trigger: 'signup-coupon' }]]);

    await choose(user, 'Coupon trigger', 'All triggers');
    await waitFor(() =>
      expect(server.requestsTo('/clearon/coupons').some((params) => !params.has('trigger'))).toBe(
        true
      )
    );
    expect(screen.getByTestId('location').textContent).toBe('');
  });

  it('paginates with links that keep the filters', async () => {
    const user = userEvent.setup();
    server.total = 60;
    await openDashboard('?status=issued');
    const next = screen.getByRole('link', { name: 'Go to the next page' });
    expect(next).toHaveAttribute('href', '/plugins/clearon?status=issued&page=2');
    await user.click(screen.getByRole('link', { name: 'Go to page 3' }));
    await waitFor(() => expect(server.requestsTo('/clearon/coupons')).toHaveLength(2));
    expect(server.requestsTo('/clearon/coupons')[1].get('page')).toBe('3');
    expect(server.requestsTo('/clearon/coupons')[1].get('status')).toBe('issued');
  });
});
