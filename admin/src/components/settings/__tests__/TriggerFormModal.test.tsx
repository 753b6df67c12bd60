import * as React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { TriggerContentType } from '../../../api/triggers';
import { TriggerFormModal } from '../TriggerFormModal';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';

const fields: TriggerContentType['fields'] = [
  { name: 'firstName', type: 'string' },
  { name: 'email', type: 'email' },
  { name: 'phone', type: 'string' },
  { name: 'deliveryType', type: 'enumeration', enum: ['email', 'sms'] },
  { name: 'optIn', type: 'boolean' },
];
const signup: TriggerContentType = {
  uid: 'api::signup.signup',
  displayName: 'Sign-up',
  draftAndPublish: false,
  localized: false,
  fields,
};
const article: TriggerContentType = {
  uid: 'api::article.article',
  displayName: 'Article',
  draftAndPublish: true,
  localized: false,
  fields,
};

/** A 400 as useFetchClient throws it, with Strapi's `details.errors[].path`. */
const badRequest = (path: string[], message: string) =>
  Object.assign(new Error(message), {
    status: 400,
    response: {
      data: { error: { status: 400, message, details: { errors: [{ path, message }] } } },
    },
  });

const setup = (onSubmit = jest.fn().mockResolvedValue(undefined)) => {
  const onClose = jest.fn();
  const user = userEvent.setup();
  renderWithProviders(
    <TriggerFormModal
      open
      trigger={null}
      contentTypes={[article, signup]}
      integrations={[{ id: 'int-1', name: 'Acme', isDefault: true, enabled: true }]}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
  return { user, onSubmit, onClose };
};

const choose = async (user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string) => {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
};

const optionsOf = async (user: ReturnType<typeof userEvent.setup>, label: RegExp) => {
  await user.click(screen.getByRole('combobox', { name: label }));
  const names = (await screen.findAllByRole('option')).map((option) => option.textContent);
  await user.keyboard('{Escape}');
  return names;
};

describe('TriggerFormModal', () => {
  it('creates a trigger from the labelled fields', async () => {
    const { user, onSubmit, onClose } = setup();
    await user.type(screen.getByLabelText(/^Key/), 'signup-coupon');
    await user.type(screen.getByLabelText(/^Name/), 'Sign-up coupon');
    await choose(user, /^Content type/, 'Sign-up');
    await user.type(screen.getByLabelText(/^Coupon code/), 'ENTRY5');
    await user.clear(screen.getByLabelText(/^Validity \(days\)/));
    await user.type(screen.getByLabelText(/^Validity \(days\)/), '7');
    await choose(user, /^Condition field/, 'optIn (boolean)');
    expect(screen.getByRole('checkbox', { name: 'Only when optIn is true' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
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
      mapping: {
        email: 'email',
        phone: 'phone',
        firstName: 'firstName',
        deliveryType: 'deliveryType',
      },
      condition: { field: 'optIn', equals: true },
      participationLimit: 'once',
      limitPeriodHours: null,
    });
    expect(onClose).toHaveBeenCalled();
  });

  it("lists only the type's fields that fit each slot, and publish only for draft & publish", async () => {
    const { user } = setup();
    await choose(user, /^Content type/, 'Sign-up');
    expect(await optionsOf(user, /^Email field/)).toEqual([
      'None',
      'firstName (string)',
      'email (email)',
      'phone (string)',
    ]);
    expect(await optionsOf(user, /^Phone field/)).toEqual([
      'None',
      'firstName (string)',
      'phone (string)',
    ]);
    expect(await optionsOf(user, /^Event/)).toEqual(['When an entry is created']);

    await choose(user, /^Content type/, 'Article');
    expect(await optionsOf(user, /^Event/)).toEqual([
      'When an entry is created',
      'When an entry is published',
    ]);
  });

  it('checks the form before sending it', async () => {
    const { user, onSubmit } = setup();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Enter a key')).toBeInTheDocument();
    expect(screen.getByText('Choose a content type')).toBeInTheDocument();
    expect(screen.getByText('Enter the coupon code')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows the server's 400 next to the mapping field it names", async () => {
    const message = 'mapping.email names phone, a string field (expected email or string or text)';
    const onSubmit = jest.fn().mockRejectedValue(badRequest(['mapping', 'email'], message));
    const { user, onClose } = setup(onSubmit);
    await user.type(screen.getByLabelText(/^Key/), 'signup-coupon');
    await user.type(screen.getByLabelText(/^Name/), 'Sign-up coupon');
    await choose(user, /^Content type/, 'Sign-up');
    await user.type(screen.getByLabelText(/^Coupon code/), 'ENTRY5');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const error = await screen.findByText(message);
    const field = screen.getByRole('combobox', { name: /^Email field/ });
    expect(field).toHaveAttribute('aria-describedby', expect.stringContaining(error.id));
    expect(screen.queryByRole('alert', { name: /could not be saved/ })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    // Choosing another email field clears the error.
    await choose(user, /^Email field/, 'firstName (string)');
    expect(screen.queryByText(message)).toBeNull();
    expect(within(document.body).queryByText('This could not be saved')).toBeNull();
  });
});
