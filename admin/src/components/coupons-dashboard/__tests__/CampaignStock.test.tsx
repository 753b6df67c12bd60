import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { CampaignStock, couponsLeft } from '../CampaignStock';

const option = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  title,
  ...extra,
});

describe('CampaignStock', () => {
  it('shows coupons / cap, warns below the low-stock threshold and when none is left, and counts bots', () => {
    renderWithProviders(
      <CampaignStock
        campaigns={[
          option('a', 'Summer', { maxCoupons: 100, lowStockThreshold: 20, couponsWritten: 85 }),
          option('b', 'Winter', { maxCoupons: 10, lowStockThreshold: 2, couponsWritten: 10 }),
          option('c', 'Spring', { maxCoupons: 50, lowStockThreshold: 5, couponsWritten: 3 }),
          option('d', 'Autumn', { couponsWritten: 7, honeypotHits: 4 }),
          option('e', 'Quiet', { couponsWritten: 2 }),
        ]}
      />
    );
    const table = screen.getByRole('grid', {
      name: 'Coupon stock and blocked bots, per campaign',
    });
    const row = (title: string) => within(table).getByRole('row', { name: new RegExp(title) });
    expect(row('Summer')).toHaveTextContent('85 / 100');
    expect(row('Summer')).toHaveTextContent('Low stock: 15 left');
    expect(row('Winter')).toHaveTextContent('10 / 10');
    expect(row('Winter')).toHaveTextContent('No coupons left');
    expect(row('Spring')).toHaveTextContent('3 / 50');
    expect(row('Spring')).not.toHaveTextContent('Low stock');
    expect(row('Autumn')).toHaveTextContent('7 (no cap)');
    expect(row('Autumn')).toHaveTextContent('4');
    // Neither capped nor hit by a bot: nothing to watch.
    expect(within(table).queryByRole('row', { name: /Quiet/ })).toBeNull();
  });

  it('renders nothing when no campaign has a cap or a bot hit', () => {
    renderWithProviders(
      <CampaignStock campaigns={[option('e', 'Quiet', { couponsWritten: 2 })]} />
    );
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.queryByText('Quiet')).toBeNull();
  });

  it('never counts below zero coupons left', () => {
    expect(couponsLeft({ id: 'x', title: 'x', maxCoupons: 5, couponsWritten: 9 })).toBe(0);
    expect(couponsLeft({ id: 'x', title: 'x', couponsWritten: 9 })).toBeNull();
  });
});
