import { act, screen, waitFor } from '@testing-library/react';

import { REFRESH_MS } from '../CouponsDashboard';
import { coupon, openDashboard, server } from './dashboardFixtures';

jest.mock(
  '@strapi/strapi/admin',
  () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin
);

const AUTO_REFRESH = 'Some coupons are pending: this page refreshes every 5 seconds';

const advance = (ms: number) =>
  act(async () => {
    jest.advanceTimersByTime(ms);
  });

beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

describe('CouponsDashboard auto-refresh', () => {
  it('reloads the page and the counts every 5 seconds while a row is pending, and stops on unmount', async () => {
    server.rows = [coupon(1, { status: 'pending', issuedAt: null, expiresAt: null })];
    const { unmount } = await openDashboard();
    expect(screen.getByText(AUTO_REFRESH)).toBeInTheDocument();
    expect(server.requestsTo('/clearon/coupons')).toHaveLength(1);

    await advance(REFRESH_MS);
    await waitFor(() => expect(server.requestsTo('/clearon/coupons')).toHaveLength(2));
    expect(server.requestsTo('/clearon/coupons/stats')).toHaveLength(2);

    // Issued now: no more refreshes.
    server.rows = [coupon(1)];
    await advance(REFRESH_MS);
    await waitFor(() => expect(server.requestsTo('/clearon/coupons')).toHaveLength(3));
    await waitFor(() => expect(screen.queryByText(AUTO_REFRESH)).not.toBeInTheDocument());
    await advance(REFRESH_MS * 3);
    expect(server.requestsTo('/clearon/coupons')).toHaveLength(3);

    // Pending again, then unmounted: the timer is gone.
    server.rows = [coupon(1, { status: 'pending' })];
    unmount();
    await advance(REFRESH_MS * 3);
    expect(server.requestsTo('/clearon/coupons')).toHaveLength(3);
  });

  it('keeps the rows when a refresh fails, and tries again', async () => {
    server.rows = [coupon(1, { status: 'pending', issuedAt: null, expiresAt: null })];
    await openDashboard();
    server.failList = true;
    await advance(REFRESH_MS);
    await waitFor(() => expect(server.requestsTo('/clearon/coupons')).toHaveLength(2));
    expect(screen.getByRole('grid', { name: 'Coupons, newest first' })).toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();

    server.failList = false;
    await advance(REFRESH_MS);
    await waitFor(() => expect(server.requestsTo('/clearon/coupons')).toHaveLength(3));
  });

  it('does not refresh when no row is pending', async () => {
    await openDashboard();
    await advance(REFRESH_MS * 2);
    expect(server.requestsTo('/clearon/coupons')).toHaveLength(1);
    expect(screen.queryByText(AUTO_REFRESH)).not.toBeInTheDocument();
  });
});
