import * as React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { Trigger, TriggerContentType } from '../../../api/triggers';
import { TriggersPage } from '../TriggersPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from './strapiAdminMock';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapiAdminMock').strapiAdmin);

const signup: TriggerContentType = {
  uid: 'api::signup.signup',
  displayName: 'Sign-up',
  draftAndPublish: false,
  localized: false,
  fields: [{ name: 'email', type: 'email' }],
};

const trigger = (overrides: Partial<Trigger>): Trigger => ({
  key: 'signup-coupon',
  name: 'Sign-up coupon',
  contentType: signup.uid,
  event: 'create',
  enabled: true,
  integration: null,
  couponCode: 'ENTRY5',
  validityDays: 7,
  delivery: 'automatic',
  channel: 'email',
  mapping: { email: 'email' },
  condition: null,
  participationLimit: 'once',
  limitPeriodHours: null,
  source: 'admin',
  ...overrides,
});

const triggers = [
  trigger({}),
  trigger({ key: 'from-config', name: 'Config coupon', source: 'config', enabled: false }),
];

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

beforeEach(() => {
  jest.clearAllMocks();
  state.canUpdate = true;
  state.client.get.mockImplementation(async (url: string) => {
    if (url === '/clearon/triggers') return { data: { data: triggers } };
    if (url === '/clearon/triggers/content-types') return { data: { data: [signup] } };
    if (url === '/clearon/integrations') return { data: { data: [] } };
    throw new Error(`unexpected GET ${url}`);
  });
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
    const config = rowOf('Config coupon');
    expect(within(config).getByText('Config')).toBeInTheDocument();
    expect(within(config).getByText('Disabled')).toBeInTheDocument();
    expect(within(config).queryAllByRole('button')).toHaveLength(0);
  });

  it('hides the write actions without settings.update', async () => {
    state.canUpdate = false;
    renderWithProviders(<TriggersPage />);
    await screen.findByText('Config coupon');
    expect(screen.queryByRole('button', { name: 'Create a trigger' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Sign-up coupon' })).toBeNull();
  });

  it('deletes a trigger, and shows why the server refused', async () => {
    const user = userEvent.setup();
    state.client.del.mockRejectedValueOnce(fetchError(409, 'Declared in the plugin config'));
    renderWithProviders(<TriggersPage />);
    await user.click(await screen.findByRole('button', { name: 'Delete Sign-up coupon' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('Declared in the plugin config')).toBeInTheDocument();
    expect(state.client.del).toHaveBeenCalledWith('/clearon/triggers/signup-coupon');

    state.client.del.mockResolvedValueOnce({});
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(state.toggleNotification).toHaveBeenCalledWith({
        type: 'success',
        message: 'Sign-up coupon was deleted',
      })
    );
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
