import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';

import { WebhooksPage } from '../WebhooksPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from '../../../../test-utils/strapiAdminMock';
import { getsOf, rowOf, stubLists } from './pageTestUtils';

// prettier-ignore
jest.mock('@strapi/strapi/admin', () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin);

const LIST = '/clearon/webhooks';

const crm = (events: string[]) => ({
  id: '1',
  name: 'CRM',
  url: 'https://crm.example.com/hooks',
  isEnabled: true,
  events,
  otherEvents: ['entry.create'],
});

const lists: Record<string, unknown> = {};

const render = () =>
  renderWithProviders(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <WebhooksPage />
    </MemoryRouter>
  );

beforeEach(() => {
  lists[LIST] = [crm(['clearon.coupon.issued'])];
  stubLists(lists);
});

describe('Settings → ClearOn → Webhooks', () => {
  it("lists the app's webhooks with their ClearOn events ticked", async () => {
    render();
    await screen.findByText('CRM');
    const row = rowOf('CRM');
    expect(row).toHaveTextContent('https://crm.example.com/hooks');
    expect(row).toHaveTextContent('1 other event');
    expect(within(row).getByRole('checkbox', { name: 'Coupon issued (CRM)' })).toBeChecked();
    expect(within(row).getByRole('checkbox', { name: 'Coupon dead (CRM)' })).not.toBeChecked();
  });

  it('subscribes the webhook to an event, keeping the ones it has; the list refreshes', async () => {
    const user = userEvent.setup();
    const saved = crm(['clearon.coupon.issued', 'clearon.coupon.failed', 'clearon.coupon.dead']);
    state.client.put.mockResolvedValue({ data: { data: saved } });
    render();
    lists[LIST] = [saved];
    await user.click(await screen.findByRole('checkbox', { name: 'Coupon failed (CRM)' }));
    expect(state.client.put).toHaveBeenCalledWith(
      `${LIST}/1`,
      { events: ['clearon.coupon.issued', 'clearon.coupon.failed'] },
      undefined
    );
    expect(state.toggleNotification).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', message: 'CRM: ClearOn events saved' })
    );
    // What the server holds now (here one more event) replaces the row's boxes.
    expect(await screen.findByRole('checkbox', { name: 'Coupon dead (CRM)' })).toBeChecked();
    expect(getsOf(LIST)).toBe(2);
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

    lists[LIST] = [];
    render();
    expect(await screen.findByText(/No webhook yet/)).toBeInTheDocument();
  });
});
