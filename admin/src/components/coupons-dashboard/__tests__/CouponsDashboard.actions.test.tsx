import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fetchError, state } from '../../../../test-utils/strapiAdminMock';
import { ROWS, card, openDashboard, openWithRow, server } from './dashboardFixtures';

jest.mock(
  '@strapi/strapi/admin',
  () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin
);

const PATHS = ['/clearon/coupons', '/clearon/coupons/stats', '/clearon/coupons/circuits'];
/** How many times the page, the counts and the circuits have been asked for. */
const loads = () => PATHS.map((path) => server.requestsTo(path).length);

describe('CouponsDashboard: Retry', () => {
  it('retries one coupon through its route, then the page, the counts and the circuits refresh', async () => {
    const user = userEvent.setup();
    const { notify, grid } = await openDashboard();
    // Only failed and dead rows have a Retry button.
    expect(within(grid).getAllByRole('button', { name: /^Retry the coupon/ })).toHaveLength(2);
    const [list, stats, circuits] = loads();

    server.rows = ROWS.map((row) => (row.id === 7 ? { ...row, status: 'pending' } : row));
    server.stats = { ...server.stats, pending: 1, failed: 4 };
    await user.click(within(grid).getByRole('button', { name: 'Retry the coupon cl_ref_7' }));

    expect(server.posts()).toEqual([['/clearon/coupons/7/retry', undefined]]);
    // The retry invalidates the coupons' and the circuits' tags: each is asked for once more.
    await waitFor(() => expect(loads()).toEqual([list + 1, stats + 1, circuits + 1]));
    expect(notify).toHaveBeenCalledWith({ type: 'success', message: '1 coupon is being retried' });
    await waitFor(() =>
      expect(within(grid).getAllByRole('button', { name: /^Retry the coupon/ })).toHaveLength(1)
    );
    expect(within(card('Failed')).getByText('4')).toBeInTheDocument();
    expect(within(card('Pending')).getByText('1')).toBeInTheDocument();
  });

  it('retries a coupon that needs attention', async () => {
    const { grid } = await openWithRow(11, {
      status: 'needs_attention',
      lastErrorCode: 'incomplete_answer',
    });
    await userEvent
      .setup()
      .click(within(grid).getByRole('button', { name: 'Retry the coupon cl_ref_11' }));
    expect(server.posts()).toEqual([['/clearon/coupons/11/retry', undefined]]);
  });

  it('retries all failed coupons of the filters after a confirmation, then refreshes', async () => {
    const user = userEvent.setup();
    state.client.post.mockResolvedValue({ data: { data: { retried: 7 } } });
    const { notify } = await openDashboard('?campaign=camp-summer');
    const [list, stats, circuits] = loads();

    await user.click(screen.getByRole('button', { name: 'Retry all failed' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Retry the failed coupons?' });
    expect(dialog).toHaveTextContent(
      '7 failed or dead coupons matching the filters go back to the queue.'
    );
    expect(state.client.post).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Retry them' }));

    expect(server.posts()).toEqual([['/clearon/coupons/retry', { campaign: 'camp-summer' }]]);
    await waitFor(() =>
      expect(notify).toHaveBeenCalledWith({
        type: 'success',
        message: '7 coupons are being retried',
      })
    );
    await waitFor(() => expect(loads()).toEqual([list + 1, stats + 1, circuits + 1]));
  });

  it("says why a retry failed, in the server's words", async () => {
    const user = userEvent.setup();
    state.client.post.mockRejectedValue(fetchError(400, 'status is "issued"'));
    const { notify, grid } = await openDashboard();
    await user.click(within(grid).getByRole('button', { name: 'Retry the coupon cl_ref_8' }));
    await waitFor(() =>
      expect(notify).toHaveBeenCalledWith({
        type: 'danger',
        message: 'The retry failed: status is "issued"',
      })
    );
  });

  it('hides Retry and Export CSV without the permissions', async () => {
    state.allowedActions = { canRetry: false, canExport: false };
    const { grid } = await openDashboard();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry all failed' })).not.toBeInTheDocument();
    expect(within(grid).queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  });
});

describe('CouponsDashboard: Export CSV', () => {
  it('downloads the CSV of the filtered rows under the name the server gives', async () => {
    const user = userEvent.setup();
    const createObjectURL = jest.fn(() => 'blob:coupons');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await openDashboard('?status=dead&to=2030-06-30');

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const [url, options] = state.client.get.mock.calls.find(([u]) =>
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
});
