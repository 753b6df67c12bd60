import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { codeInput, CONTACT_REASON, dialog, insertButton } from './couponFieldFixtures';
import { MODE_REASON, NAME, openInsertModal, setup, validityInput } from './couponFieldFixtures';

describe('CouponField: when a coupon can be inserted', () => {
  it('enables the button for an identified campaign with an email field, with no reasons', () => {
    setup();
    expect(insertButton()).toBeEnabled();
    expect(screen.queryByText(MODE_REASON)).not.toBeInTheDocument();
    expect(screen.queryByText(CONTACT_REASON)).not.toBeInTheDocument();
  });

  it('accepts a phone field as well as an email field', () => {
    setup({ campaign: { mode: 'identified', fields: [{ type: 'phone' }] } });
    expect(insertButton()).toBeEnabled();
  });

  it('disables it in anonymous mode and says only that', () => {
    setup({ campaign: { mode: 'anonymous', fields: [{ type: 'email' }] } });
    expect(insertButton()).toBeDisabled();
    expect(screen.getByText(MODE_REASON)).toBeInTheDocument();
    expect(screen.queryByText(CONTACT_REASON)).not.toBeInTheDocument();
  });

  it('disables it without an email or phone field and says only that', () => {
    setup({
      campaign: { mode: 'identified', fields: [{ type: 'text' }, { type: 'choice' }] },
    });
    expect(insertButton()).toBeDisabled();
    expect(screen.getByText(CONTACT_REASON)).toBeInTheDocument();
    expect(screen.queryByText(MODE_REASON)).not.toBeInTheDocument();
  });

  it('disables it and gives both reasons when both checks fail', () => {
    setup({ campaign: { mode: 'anonymous', fields: [] } });
    expect(insertButton()).toBeDisabled();
    expect(screen.getByText(MODE_REASON)).toBeInTheDocument();
    expect(screen.getByText(CONTACT_REASON)).toBeInTheDocument();
    expect(insertButton()).toHaveAccessibleDescription(
      expect.stringContaining(MODE_REASON) as unknown as string
    );
  });

  it('treats a campaign without fields as having no contact field', () => {
    setup({ campaign: { mode: 'identified', fields: null } });
    expect(insertButton()).toBeDisabled();
    expect(screen.getByText(CONTACT_REASON)).toBeInTheDocument();
  });
});

describe('CouponField: the insert modal', () => {
  it.each([
    ['1.5', 'The validity must be a whole number of days'],
    ['0', 'The validity must be from 1 to 3650 days'],
    ['-3', 'The validity must be from 1 to 3650 days'],
    ['abc', 'The validity must be a whole number of days'],
    ['3651', 'The validity must be from 1 to 3650 days'],
    ['', 'Enter the validity in days'],
  ])('refuses the validity %p with a message and does not insert', async (validity, message) => {
    const { spy, user } = setup();
    await openInsertModal(user);
    await user.type(codeInput(), 'SUMMER10');
    if (validity) await user.type(validityInput(), validity);
    await user.click(within(dialog()).getByRole('button', { name: 'Insert' }));

    expect(within(dialog()).getByText(message)).toBeInTheDocument();
    expect(validityInput()).toHaveAttribute('aria-invalid', 'true');
    expect(validityInput()).toHaveFocus();
    expect(spy).not.toHaveBeenCalled();
  });

  it('accepts a validity of 30 days and inserts with the default integration and Button', async () => {
    const { spy, user } = setup();
    await openInsertModal(user);
    await user.type(codeInput(), '  SUMMER10 ');
    await user.type(validityInput(), '30');
    await user.click(within(dialog()).getByRole('button', { name: 'Insert' }));

    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith({
      target: {
        name: NAME,
        type: 'json',
        value: { integration: null, couponCode: 'SUMMER10', validityDays: 30, delivery: 'button' },
      },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('requires the coupon code', async () => {
    const { spy, user } = setup();
    await openInsertModal(user);
    await user.type(validityInput(), '30');
    await user.click(within(dialog()).getByRole('button', { name: 'Insert' }));

    expect(within(dialog()).getByText('Enter the coupon code')).toBeInTheDocument();
    expect(codeInput()).toHaveFocus();
    expect(spy).not.toHaveBeenCalled();

    await user.type(codeInput(), 'A'.repeat(65));
    expect(within(dialog()).getByText('The coupon code is at most 64 characters')).toBeVisible();
    await user.clear(codeInput());
    await user.type(codeInput(), 'SUMMER10');
    expect(within(dialog()).queryByText(/coupon code/i, { selector: '[id$="-error"]' })).toBeNull();
  });

  it('submits with Enter from a text field', async () => {
    const { spy, user } = setup();
    await openInsertModal(user);
    await user.type(codeInput(), 'SUMMER10');
    await user.type(validityInput(), '14{Enter}');
    expect(spy).toHaveBeenCalledWith(
      expect.objectContaining({
        target: expect.objectContaining({
          value: expect.objectContaining({ couponCode: 'SUMMER10', validityDays: 14 }),
        }),
      })
    );
  });

  it('shows the blue info alert only while Automatic is chosen', async () => {
    const { user } = setup();
    await openInsertModal(user);
    const alertText =
      'The coupon is generated and sent by ClearOn by email/SMS. It cannot be previewed on the exit screen.';

    expect(within(dialog()).getByRole('radio', { name: 'Button' })).toBeChecked();
    expect(within(dialog()).queryByText(alertText)).not.toBeInTheDocument();

    await user.click(within(dialog()).getByRole('radio', { name: 'Automatic' }));
    expect(within(dialog()).getByRole('radio', { name: 'Automatic' })).toBeChecked();
    const alert = within(dialog()).getByText(alertText);
    expect(alert).toBeVisible();
    expect(alert.closest('[role="status"]')).not.toBeNull();

    await user.click(within(dialog()).getByRole('radio', { name: 'Button' }));
    expect(within(dialog()).queryByText(alertText)).not.toBeInTheDocument();
  });

  it('preselects the default integration, marks disabled ones, and stores the chosen one', async () => {
    const { spy, user } = setup();
    await openInsertModal(user);
    const select = within(dialog()).getByRole('combobox', { name: 'ClearOn integration' });
    expect(select).toHaveTextContent('Default integration (Acme)');

    await user.click(select);
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByRole('option', { name: 'Acme (default)' })).toBeInTheDocument();
    expect(
      within(listbox).getByRole('option', { name: 'Old account (disabled)' })
    ).toBeInTheDocument();
    await user.click(within(listbox).getByRole('option', { name: 'Old account (disabled)' }));
    expect(
      within(dialog()).getByText(
        'This integration is disabled: no coupon is issued until it is enabled again.'
      )
    ).toBeInTheDocument();

    await user.click(within(dialog()).getByRole('radio', { name: 'Automatic' }));
    await user.type(codeInput(), 'WINTER');
    await user.type(validityInput(), '7');
    await user.click(within(dialog()).getByRole('button', { name: 'Insert' }));
    expect(spy).toHaveBeenLastCalledWith({
      target: {
        name: NAME,
        type: 'json',
        value: {
          integration: 'int-old',
          couponCode: 'WINTER',
          validityDays: 7,
          delivery: 'automatic',
        },
      },
    });
  });

  it('Cancel closes the modal without changing anything', async () => {
    const { spy, user } = setup();
    await openInsertModal(user);
    await user.type(codeInput(), 'SUMMER10');
    await user.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(spy).not.toHaveBeenCalled();
    expect(insertButton()).toBeEnabled();
  });

  it('starts empty again when reopened after a cancel', async () => {
    const { user } = setup();
    await openInsertModal(user);
    await user.type(codeInput(), 'DRAFT');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await openInsertModal(user);
    expect(codeInput()).toHaveValue('');
  });
});
