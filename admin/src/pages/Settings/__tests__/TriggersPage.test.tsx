import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { Trigger, TriggerContentType } from '../../../services/triggers';
import { TriggersPage } from '../TriggersPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from '../../../../test-utils/strapiAdminMock';
import { confirmDelete, getsOf, rowOf, stubLists, triggerOf } from './pageTestUtils';

// prettier-ignore
jest.mock('@strapi/strapi/admin', () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin);

const LIST = '/clearon/triggers';

const signup: TriggerContentType = {
  uid: 'api::signup.signup',
  displayName: 'Sign-up',
  draftAndPublish: false,
  localized: false,
  fields: [{ name: 'email', type: 'email' }],
};

const trigger = (overrides: Partial<Trigger>) => triggerOf({ channel: 'email', ...overrides });

const config = trigger({
  key: 'from-config',
  name: 'Config coupon',
  source: 'config',
  enabled: false,
});

const lists: Record<string, unknown> = {};

beforeEach(() => {
  lists[LIST] = [trigger({}), config];
  lists['/clearon/triggers/content-types'] = [signup];
  lists['/clearon/integrations'] = [];
  stubLists(lists);
});

describe('TriggersPage', () => {
  it('lists the triggers; config ones are marked and have no actions', async () => {
    renderWithProviders(<TriggersPage />);
    expect(await screen.findByText('Config coupon')).toBeInTheDocument();
    const admin = rowOf('Sign-up coupon');
    expect(within(admin).getByText('signup-coupon')).toBeInTheDocument();
    expect(within(admin).getByText('On create')).toBeInTheDocument();
    expect(within(admin).getByText('ENTRY5')).toBeInTheDocument();
    expect(within(admin).getByText('by email')).toBeInTheDocument();
    await waitFor(() => expect(within(admin).getByText('Sign-up')).toBeInTheDocument());
    expect(within(admin).getByRole('button', { name: 'Edit Sign-up coupon' })).toBeInTheDocument();
    const configRow = rowOf('Config coupon');
    expect(within(configRow).getByText('Config')).toBeInTheDocument();
    expect(within(configRow).getByText('Disabled')).toBeInTheDocument();
    expect(within(configRow).queryAllByRole('button')).toHaveLength(0);
  });

  it('hides the write actions without settings.update', async () => {
    state.canUpdate = false;
    renderWithProviders(<TriggersPage />);
    await screen.findByText('Config coupon');
    expect(screen.queryByRole('button', { name: 'Create a trigger' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Sign-up coupon' })).toBeNull();
  });

  it('shows why the server refused a delete; once deleted, the list refreshes by itself', async () => {
    state.client.del.mockRejectedValueOnce(fetchError(409, 'Declared in the plugin config'));
    const { user, dialog } = await confirmDelete(<TriggersPage />, 'Delete Sign-up coupon');
    expect(await within(dialog).findByText('Declared in the plugin config')).toBeInTheDocument();
    expect(state.client.del).toHaveBeenCalledWith(`${LIST}/signup-coupon`, undefined);

    state.client.del.mockResolvedValueOnce({ data: { data: trigger({}) } });
    lists[LIST] = [config];
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('Sign-up coupon')).toBeNull());
    expect(state.toggleNotification).toHaveBeenCalledWith({
      type: 'success',
      message: 'Sign-up coupon was deleted',
    });
    // The first answer, the refresh after the refused delete, the one after the delete.
    expect(getsOf(LIST)).toBe(3);
  });

  it('opens the form to create a trigger', async () => {
    const user = userEvent.setup();
    renderWithProviders(<TriggersPage />);
    const create = await screen.findByRole('button', { name: 'Create a trigger' });
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    expect(
      await screen.findByRole('dialog', { name: 'Create a coupon trigger' })
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Content type/ })).toBeInTheDocument();
  });
});
