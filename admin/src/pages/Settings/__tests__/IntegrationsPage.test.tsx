import * as React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { IntegrationsPage } from '../IntegrationsPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { state } from './strapiAdminMock';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapiAdminMock').strapiAdmin);

const integration = (overrides: Record<string, unknown> = {}) => ({
  id: 'int1',
  name: 'Acme',
  endpoint: 'https://api.clearon.example/coupons',
  authHeaderName: 'Authorization',
  timeoutMs: 5000,
  enabled: true,
  isDefault: true,
  apiKeySet: true,
  lastCheck: { status: 'failing', at: '2026-01-02T10:00:00.000Z', message: 'ClearOn refused' },
  ...overrides,
});

beforeEach(() => {
  jest.clearAllMocks();
  state.canUpdate = true;
  state.client.get.mockResolvedValue({
    data: {
      data: [
        integration(),
        integration({ id: 'int2', name: 'Agency', isDefault: false, lastCheck: null }),
      ],
    },
  });
});

describe('IntegrationsPage', () => {
  it('lists integrations with the default badge and the last check', async () => {
    renderWithProviders(<IntegrationsPage />);
    const acme = (await screen.findByText('Acme')).closest('tr') as HTMLElement;
    expect(within(acme).getByText('Default')).toBeInTheDocument();
    expect(within(acme).getByText('Failing')).toBeInTheDocument();
    expect(within(acme).getByText('ClearOn refused')).toBeInTheDocument();
    const agency = screen.getByText('Agency').closest('tr') as HTMLElement;
    expect(within(agency).getByText('Not tested yet')).toBeInTheDocument();
    expect(
      within(agency).getByRole('button', { name: 'Make Agency the default integration' })
    ).toBeInTheDocument();
    expect(within(acme).queryByRole('button', { name: /the default integration/ })).toBeNull();
  });

  it('tests a connection and says the result in plain words', async () => {
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
    expect(state.client.post).toHaveBeenCalledWith('/clearon/integrations/int1/test', {
      couponCode: 'SUMMER10',
    });
  });

  it('disables an integration with its switch', async () => {
    state.client.put.mockResolvedValue({ data: { data: integration({ enabled: false }) } });
    const user = userEvent.setup();
    renderWithProviders(<IntegrationsPage />);
    await user.click(await screen.findByRole('switch', { name: 'Acme enabled' }));
    await waitFor(() =>
      expect(state.client.put).toHaveBeenCalledWith('/clearon/integrations/int1', {
        enabled: false,
      })
    );
  });

  it('shows no write actions without settings.update', async () => {
    state.canUpdate = false;
    renderWithProviders(<IntegrationsPage />);
    await screen.findByText('Acme');
    expect(screen.queryByRole('button', { name: /Configure an integration/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Test the connection/ })).toBeNull();
    expect(screen.getByRole('switch', { name: 'Acme enabled' })).toBeDisabled();
  });
});
