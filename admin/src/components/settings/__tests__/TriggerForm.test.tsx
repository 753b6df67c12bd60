import { screen, within } from '@testing-library/react';

import type { TriggerContentType } from '../../../services/triggers';
import { TriggerForm } from '../TriggerForm';
import {
  choose,
  expectRefused,
  expectSent,
  optionsOf,
  renderModal,
  triggerOf,
  validationError,
} from './settingsTestUtils';

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

const setup = (onSubmit?: jest.Mock) =>
  renderModal(
    (props) => (
      <TriggerForm
        item={null}
        contentTypes={[article, signup]}
        integrations={[{ id: 'int-1', name: 'Acme', isDefault: true, enabled: true }]}
        {...props}
      />
    ),
    onSubmit
  );

describe('TriggerForm', () => {
  it('creates a trigger from the labelled fields', async () => {
    const { user, ...props } = setup();
    await user.type(screen.getByLabelText(/^Key/), 'signup-coupon');
    await user.type(screen.getByLabelText(/^Name/), 'Sign-up coupon');
    await choose(user, /^Content type/, 'Sign-up');
    await user.type(screen.getByLabelText(/^Coupon code/), 'ENTRY5');
    await user.clear(screen.getByLabelText(/^Validity \(days\)/));
    await user.type(screen.getByLabelText(/^Validity \(days\)/), '7');
    await choose(user, /^Condition field/, 'optIn (boolean)');
    expect(screen.getByRole('checkbox', { name: 'Only when optIn is true' })).toBeChecked();
    // The body is the trigger the server lists, without its `source`.
    const { source: _source, ...body } = triggerOf({
      mapping: {
        email: 'email',
        phone: 'phone',
        firstName: 'firstName',
        deliveryType: 'deliveryType',
      },
      condition: { field: 'optIn', equals: true },
    });
    await expectSent(user, props, body);
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
    await expectRefused(user, onSubmit, [
      'Enter a key',
      'Choose a content type',
      'Enter the coupon code',
    ]);
  });

  it("shows the server's 400 next to the mapping field it names", async () => {
    const message = 'mapping.email names phone, a string field (expected email or string or text)';
    const onSubmit = jest.fn().mockRejectedValue(validationError(['mapping', 'email'], message));
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
