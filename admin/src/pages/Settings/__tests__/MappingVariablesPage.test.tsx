import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { MappingVariablesPage } from '../MappingVariablesPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from '../../../../test-utils/strapiAdminMock';
import { confirmDelete, getsOf, rowOf, stubLists } from './pageTestUtils';

// prettier-ignore
jest.mock('@strapi/strapi/admin', () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin);

const LIST = '/clearon/mapping-variables';

const variable = (technicalName: string, label: string, builtIn = true) => ({
  id: builtIn ? technicalName : 'doc1',
  label,
  technicalName,
  type: 'answer',
  availableInForms: true,
  builtIn,
});

const builtIns = [
  variable('firstname', 'First name'),
  variable('lastname', 'Last name'),
  variable('email', 'Email'),
  variable('phone', 'Phone'),
];
const variables = [...builtIns, variable('deliveryType', 'Delivery type', false)];

const lists: Record<string, unknown> = {};

beforeEach(() => {
  lists[LIST] = variables;
  stubLists(lists);
});

describe('MappingVariablesPage', () => {
  it('lists the built-ins read-only and the custom variables with edit and delete', async () => {
    renderWithProviders(<MappingVariablesPage />);
    expect(await screen.findByText('deliveryType')).toBeInTheDocument();
    expect(state.client.get).toHaveBeenCalledWith(LIST, undefined);
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
    const { dialog } = await confirmDelete(<MappingVariablesPage />, 'Delete Delivery type');
    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    expect(within(dialog).getByText('Campaign forms still use it')).toBeInTheDocument();
    expect(state.client.del).toHaveBeenCalledWith(`${LIST}/doc1`, undefined);
  });

  it('deletes an unused variable, and the list refreshes by itself', async () => {
    state.client.del.mockResolvedValue({ data: { data: variables[4] } });
    lists[LIST] = builtIns;
    // The first answer still has the variable; the refresh after the delete no longer does.
    state.client.get.mockResolvedValueOnce({ data: { data: variables } });
    await confirmDelete(<MappingVariablesPage />, 'Delete Delivery type');
    await waitFor(() => expect(screen.queryByText('deliveryType')).toBeNull());
    expect(getsOf(LIST)).toBe(2);
    expect(state.toggleNotification).toHaveBeenCalledWith({
      type: 'success',
      message: expect.stringContaining('Delivery type'),
    });
    expect(await screen.findByText(/No mapping variable yet besides/)).toBeInTheDocument();
  });

  it('creates a variable from the form, and the list shows it', async () => {
    const created = variable('newsletter', 'Newsletter', false);
    state.client.post.mockResolvedValue({ data: { data: created } });
    const user = userEvent.setup();
    renderWithProviders(<MappingVariablesPage />);
    await user.click(await screen.findByRole('button', { name: 'Create a mapping variable' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Display label/), 'Newsletter');
    await user.type(within(dialog).getByLabelText(/Technical name/), 'newsletter');
    lists[LIST] = [...builtIns, created];
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('newsletter')).toBeInTheDocument();
    expect(state.client.post).toHaveBeenCalledWith(
      LIST,
      { label: 'Newsletter', technicalName: 'newsletter', type: 'answer', availableInForms: true },
      undefined
    );
  });
});
