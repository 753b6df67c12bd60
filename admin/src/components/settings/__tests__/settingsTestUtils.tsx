import * as React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import type { Integration } from '../../../services/integrations';
import type { Trigger } from '../../../services/triggers';
import { SettingsFormModal } from '../SettingsForm';
import { state } from '../../../../test-utils/strapiAdminMock';

/** Shared set-up of the settings tests (pages and form modals); not a test file itself. */

export { renderWithProviders } from '../../../../test-utils/renderWithProviders';
export { fetchError, state } from '../../../../test-utils/strapiAdminMock';

export type User = ReturnType<typeof userEvent.setup>;

/**
 * A refused request as an RTK Query mutation rejects with it (Strapi's fetchBaseQuery answers the
 * server's `error`): a 400 ValidationError naming `path`.
 */
export const validationError = (path: string | string[], message: string) => ({
  name: 'ValidationError',
  status: 400,
  message,
  details: { errors: [{ path: Array.isArray(path) ? path : [path], message }] },
});

/** Props a form modal gets, as jest functions: `onSubmit` resolves unless told otherwise. */
export interface ModalProps {
  onSubmit: jest.Mock;
  onClose: jest.Mock;
}

/** Renders a settings form, built from its `onSubmit` / `onClose`, in an open modal. */
export const renderModal = (
  build: (props: ModalProps) => React.ReactElement,
  onSubmit: jest.Mock = jest.fn().mockResolvedValue(undefined)
) => {
  const props = { onSubmit, onClose: jest.fn() };
  const user = userEvent.setup();
  renderWithProviders(
    <SettingsFormModal open title="Form" onClose={props.onClose}>
      {build(props)}
    </SettingsFormModal>
  );
  return { user, ...props };
};

/**
 * Fresh stubs for a page test: settings.update granted, and each GET answered `{ data }` from
 * `lists` by its URL (an unexpected GET fails).
 */
export const stubLists = (lists: Record<string, unknown>) => {
  for (const fn of Object.values(state.client)) fn.mockReset();
  state.toggleNotification.mockReset();
  state.canUpdate = true;
  state.client.get.mockImplementation(async (url: string) => {
    if (url in lists) return { data: { data: lists[url] } };
    throw new Error(`unexpected GET ${url}`);
  });
};

/** How many times the page asked for `url`. */
export const getsOf = (url: string) =>
  state.client.get.mock.calls.filter(([called]) => called === url).length;

/** The table row holding `text`. */
export const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

/** Renders `page`, clicks the button named `action` and answers the delete dialog with Delete. */
export const confirmDelete = async (page: React.ReactElement, action: string) => {
  const user = userEvent.setup();
  renderWithProviders(page);
  await user.click(await screen.findByRole('button', { name: action }));
  const dialog = await screen.findByRole('alertdialog');
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
  return { user, dialog };
};

/** Opens the select labelled `label` and picks `option`. */
export const choose = async (user: User, label: RegExp | string, option: string) => {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
};

/** The options of the select labelled `label` (the list is closed again). */
export const optionsOf = async (user: User, label: RegExp | string) => {
  await user.click(screen.getByRole('combobox', { name: label }));
  const names = (await screen.findAllByRole('option')).map((option) => option.textContent);
  await user.keyboard('{Escape}');
  return names;
};

/** A trigger as the server lists it; `overrides` change what a test is about. */
export const triggerOf = (overrides: Partial<Trigger> = {}): Trigger => ({
  key: 'signup-coupon',
  name: 'Sign-up coupon',
  contentType: 'api::signup.signup',
  event: 'create',
  enabled: true,
  integration: null,
  couponCode: 'ENTRY5',
  validityDays: 7,
  delivery: 'automatic',
  channel: 'entry',
  mapping: { email: 'email' },
  condition: null,
  participationLimit: 'once',
  limitPeriodHours: null,
  source: 'admin',
  ...overrides,
});

/** An integration as the server lists it (the API key is never sent, only whether it is set). */
export const integrationOf = (overrides: Partial<Integration> = {}): Integration => ({
  id: 'int1',
  name: 'Acme',
  endpoint: 'https://api.clearon.example/coupons',
  authHeaderName: 'Authorization',
  timeoutMs: 5000,
  enabled: true,
  isDefault: true,
  apiKeySet: true,
  lastCheck: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

/** Clicks `button` and expects the form to be sent as `body`, then closed. */
export const expectSent = async (
  user: User,
  props: ModalProps,
  body: object,
  button = 'Create'
) => {
  await user.click(screen.getByRole('button', { name: button }));
  await waitFor(() => expect(props.onClose).toHaveBeenCalled());
  expect(props.onSubmit).toHaveBeenCalledWith(body);
};

/** Clicks Create and expects these messages on the fields, and nothing sent. */
export const expectRefused = async (
  user: User,
  onSubmit: jest.Mock,
  errors: Array<string | RegExp>
) => {
  await user.click(screen.getByRole('button', { name: 'Create' }));
  for (const error of errors) expect(await screen.findByText(error)).toBeInTheDocument();
  expect(onSubmit).not.toHaveBeenCalled();
};
