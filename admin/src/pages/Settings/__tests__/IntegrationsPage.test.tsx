import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { IntegrationsPage } from '../IntegrationsPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { state } from '../../../../test-utils/strapiAdminMock';
import { getsOf, integrationOf, rowOf, stubLists } from './pageTestUtils';

// prettier-ignore
jest.mock('@strapi/strapi/admin', () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin);

const LIST = '/clearon/integrations';

const integration = (overrides: Parameters<typeof integrationOf>[0] = {}) =>
  integrationOf({
    lastCheck: { status: 'failing', at: '2026-01-02T10:00:00.000Z', message: 'ClearOn refused' },
    ...overrides,
  });

const lists: Record<string, unknown> = {};

beforeEach(() => {
  lists[LIST] = [
    integration(),
    integration({ id: 'int2', name: 'Agency', isDefault: false, lastCheck: null }),
  ];
  stubLists(lists);
});

describe('IntegrationsPage', () => {
  it('lists integrations with the default badge and the last check', async () => {
    renderWithProviders(<IntegrationsPage />);
    await screen.findByText('Acme');
    const acme = rowOf('Acme');
    expect(within(acme).getByText('Default')).toBeInTheDocument();
    expect(within(acme).getByText('Failing')).toBeInTheDocument();
    expect(within(acme).getByText('ClearOn refused')).toBeInTheDocument();
    const agency = rowOf('Agency');
    expect(within(agency).getByText('Not tested yet')).toBeInTheDocument();
    expect(
      within(agency).getByRole('button', { name: 'Make Agency the default integration' })
    ).toBeInTheDocument();
    expect(within(acme).queryByRole('button', { name: /the default integration/ })).toBeNull();
  });

  it('tests a connection, says the result in plain words and refreshes the last check', async () => {
    state.client.post.mockResolvedValue({
      data: { data: { status: 'unauthorized', message: 'ClearOn refused the API key (HTTP 401)' } },
    });
    const user = userEvent.setup();
    renderWithProviders(<IntegrationsPage />);
    await user.click(await screen.findByRole('button', { name: 'Test the connection of Acme' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Coupon code/), 'SUMMER10');
    await user.click(within(dialog).getByRole('button', { name: 'Run the test' }));
    expect(await within(dialog).findByText('The test failed')).toBeInTheDocument();
    expect(
      within(dialog).getByText(/ClearOn refused the API key\. Check the API key/)
    ).toBeInTheDocument();
    expect(state.client.post).toHaveBeenCalledWith(
      '/clearon/integrations/int1/test',
      { couponCode: 'SUMMER10' },
      undefined
    );
    await waitFor(() => expect(getsOf(LIST)).toBe(2));
  });

  it('disables an integration with its switch, and shows the list the server sends back', async () => {
    state.client.put.mockResolvedValue({ data: { data: integration({ enabled: false }) } });
    const user = userEvent.setup();
    renderWithProviders(<IntegrationsPage />);
    const acmeSwitch = await screen.findByRole('switch', { name: 'Acme enabled' });
    expect(acmeSwitch).toBeChecked();
    lists[LIST] = [integration({ enabled: false })];
    await user.click(acmeSwitch);
    await waitFor(() => expect(screen.queryByText('Agency')).toBeNull());
    expect(state.client.put).toHaveBeenCalledWith(
      '/clearon/integrations/int1',
      { enabled: false },
      undefined
    );
    expect(screen.getByRole('switch', { name: 'Acme enabled' })).not.toBeChecked();
    expect(state.toggleNotification).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success' })
    );
  });

  it('saves an edit, and the list refreshes by itself', async () => {
    state.client.put.mockResolvedValue({ data: { data: integration({ name: 'Acme EU' }) } });
    const user = userEvent.setup();
    renderWithProviders(<IntegrationsPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit Acme' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Acme' });
    const name = within(dialog).getByLabelText(/Display name/);
    await user.clear(name);
    await user.type(name, 'Acme EU');
    lists[LIST] = [integration({ name: 'Acme EU' })];
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Acme EU')).toBeInTheDocument();
    expect(getsOf(LIST)).toBe(2);
    expect(state.toggleNotification).toHaveBeenCalledWith({
      type: 'success',
      message: expect.stringContaining('Acme EU'),
    });
  });

  it('shows no write actions without settings.update', async () => {
    state.canUpdate = false;
    renderWithProviders(<IntegrationsPage />);
    await screen.findByText('Acme');
    expect(screen.queryByRole('button', { name: /Configure an integration/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Test the connection/ })).toBeNull();
    expect(screen.getByRole('switch', { name: 'Acme enabled' })).toBeDisabled();
  });

  it('offers to try again when the list cannot be loaded', async () => {
    state.client.get.mockRejectedValueOnce(new Error('network'));
    const user = userEvent.setup();
    renderWithProviders(<IntegrationsPage />);
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Acme')).toBeInTheDocument();
  });
});
