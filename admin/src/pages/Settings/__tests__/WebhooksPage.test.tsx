import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';

import { WebhooksPage } from '../WebhooksPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from './strapiAdminMock';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapiAdminMock').strapiAdmin);

const WEBHOOKS = [
  {
    id: '1',
    name: 'CRM',
    url: 'https://crm.example.com/hooks',
    isEnabled: true,
    events: ['clearon.coupon.issued'],
    otherEvents: ['entry.create'],
  },
];

const render = () =>
  renderWithProviders(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <WebhooksPage />
    </MemoryRouter>
  );

beforeEach(() => {
  jest.clearAllMocks();
  state.canUpdate = true;
  state.client.get.mockResolvedValue({ data: { data: WEBHOOKS } });
});

describe('Settings → ClearOn → Webhooks', () => {
  it("lists the app's webhooks with their ClearOn events ticked", async () => {
    render();
    const row = (await screen.findByText('CRM')).closest('tr')!;
    expect(row).toHaveTextContent('https://crm.example.com/hooks');
    expect(row).toHaveTextContent('1 other event');
    expect(within(row).getByRole('checkbox', { name: 'Coupon issued (CRM)' })).toBeChecked();
    expect(within(row).getByRole('checkbox', { name: 'Coupon dead (CRM)' })).not.toBeChecked();
    expect(state.client.get).toHaveBeenCalledWith('/clearon/webhooks');
  });

  it('subscribes the webhook to an event, keeping the ones it has', async () => {
    const user = userEvent.setup();
    state.client.put.mockResolvedValue({ data: { data: WEBHOOKS[0] } });
    render();
    await user.click(await screen.findByRole('checkbox', { name: 'Coupon failed (CRM)' }));
    await waitFor(() =>
      expect(state.client.put).toHaveBeenCalledWith('/clearon/webhooks/1', {
        events: ['clearon.coupon.issued', 'clearon.coupon.failed'],
      })
    );
    expect(state.toggleNotification).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', message: 'CRM: ClearOn events saved' })
    );
  });

  it("puts the box back and shows the server's message when the save is refused", async () => {
    const user = userEvent.setup();
    state.client.put.mockRejectedValue(fetchError(400, 'events.0 must be one of …'));
    render();
    const box = await screen.findByRole('checkbox', { name: 'Coupon issued (CRM)' });
    await user.click(box);
    await waitFor(() =>
      expect(state.toggleNotification).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'danger', message: 'events.0 must be one of …' })
      )
    );
    expect(box).toBeChecked();
  });

  it('is read-only without the update permission, and says where to create a webhook', async () => {
    state.canUpdate = false;
    render();
    expect(await screen.findByRole('checkbox', { name: 'Coupon issued (CRM)' })).toBeDisabled();

    state.client.get.mockResolvedValue({ data: { data: [] } });
    render();
    expect(await screen.findByText(/No webhook yet/)).toBeInTheDocument();
  });
});
