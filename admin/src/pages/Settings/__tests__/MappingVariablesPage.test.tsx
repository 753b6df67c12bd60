import * as React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { MappingVariablesPage } from '../MappingVariablesPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from './strapiAdminMock';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapiAdminMock').strapiAdmin);

const builtIn = (technicalName: string, label: string) => ({
  id: technicalName,
  label,
  technicalName,
  type: 'answer',
  availableInForms: true,
  builtIn: true,
});

const variables = [
  builtIn('firstname', 'First name'),
  builtIn('lastname', 'Last name'),
  builtIn('email', 'Email'),
  builtIn('phone', 'Phone'),
  {
    id: 'doc1',
    label: 'Delivery type',
    technicalName: 'deliveryType',
    type: 'answer',
    availableInForms: true,
    builtIn: false,
  },
];

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

beforeEach(() => {
  jest.clearAllMocks();
  state.canUpdate = true;
  state.client.get.mockResolvedValue({ data: { data: variables } });
});

describe('MappingVariablesPage', () => {
  it('lists the built-ins read-only and the custom variables with edit and delete', async () => {
    renderWithProviders(<MappingVariablesPage />);
    expect(await screen.findByText('deliveryType')).toBeInTheDocument();
    expect(state.client.get).toHaveBeenCalledWith('/clearon/mapping-variables');
    const email = rowOf('email');
    expect(within(email).getByText('Built-in')).toBeInTheDocument();
    expect(within(email).queryAllByRole('button')).toHaveLength(0);
    const delivery = rowOf('deliveryType');
    expect(
      within(delivery).getByRole('button', { name: 'Edit Delivery type' })
    ).toBeInTheDocument();
    expect(
      within(delivery).getByRole('button', { name: 'Delete Delivery type' })
    ).toBeInTheDocument();
  });

  it('hides the write actions without settings.update', async () => {
    state.canUpdate = false;
    renderWithProviders(<MappingVariablesPage />);
    await screen.findByText('deliveryType');
    expect(screen.queryByRole('button', { name: /Create a mapping variable/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Delivery type' })).toBeNull();
  });

  it("shows the server's 409 naming the campaigns when the variable is in use", async () => {
    const message =
      'The mapping variable "deliveryType" is used by the form of the campaign "Summer draw"; remove it from that form first.';
    state.client.del.mockRejectedValue(fetchError(409, message, { campaigns: [] }));
    const user = userEvent.setup();
    renderWithProviders(<MappingVariablesPage />);
    await user.click(await screen.findByRole('button', { name: 'Delete Delivery type' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    expect(within(dialog).getByText('Campaign forms still use it')).toBeInTheDocument();
    expect(state.client.del).toHaveBeenCalledWith('/clearon/mapping-variables/doc1');
  });

  it('deletes an unused variable and reloads the list', async () => {
    state.client.del.mockResolvedValue({ data: { data: variables[4] } });
    const user = userEvent.setup();
    renderWithProviders(<MappingVariablesPage />);
    await user.click(await screen.findByRole('button', { name: 'Delete Delivery type' }));
    const dialog = await screen.findByRole('alertdialog');
    state.client.get.mockResolvedValue({ data: { data: variables.slice(0, 4) } });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('deliveryType')).toBeNull());
    expect(state.toggleNotification).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success' })
    );
  });
});
