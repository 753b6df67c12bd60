import '@testing-library/jest-dom';
import * as React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { CampaignSnapshot, CouponValue } from '../../../utils/couponRules';
import { CouponField } from '../CouponField';
import type { CouponChangeEvent, IntegrationOption } from '../types';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';

const NAME = 'exitScreens.0.coupon';

const eligible: CampaignSnapshot = {
  mode: 'identified',
  fields: [{ type: 'text' }, { type: 'email' }],
};

const integrations: IntegrationOption[] = [
  { id: 'int-acme', name: 'Acme', isDefault: true, enabled: true },
  { id: 'int-agency', name: 'Agency', isDefault: false, enabled: true },
  { id: 'int-old', name: 'Old account', isDefault: false, enabled: false },
];

const SUMMER: CouponValue = {
  integration: 'int-agency',
  couponCode: 'SUMMER10',
  validityDays: 30,
  delivery: 'button',
};

/** A controlled field, as the Content Manager's form holds it; `spy` sees every change. */
const Harness = ({
  initial = null,
  campaign = eligible,
  spy,
}: {
  initial?: CouponValue | null;
  campaign?: CampaignSnapshot;
  spy: jest.Mock;
}) => {
  const [value, setValue] = React.useState<unknown>(initial);
  return (
    <CouponField
      name={NAME}
      label="coupon"
      value={value}
      campaign={campaign}
      integrations={integrations}
      onChange={(event: CouponChangeEvent) => {
        spy(event);
        setValue(event.target.value);
      }}
    />
  );
};

const setup = (props: { initial?: CouponValue | null; campaign?: CampaignSnapshot } = {}) => {
  const spy = jest.fn();
  const user = userEvent.setup();
  renderWithProviders(<Harness {...props} spy={spy} />);
  return { spy, user };
};

const insertButton = () => screen.getByRole('button', { name: 'Insert a ClearOn coupon' });
const dialog = () => screen.getByRole('dialog', { name: 'Insert a ClearOn coupon' });
const codeInput = () => within(dialog()).getByRole('textbox', { name: /Coupon code/ });
const validityInput = () => within(dialog()).getByRole('textbox', { name: /Validity in days/ });

const openInsertModal = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(insertButton());
  return dialog();
};

const MODE_REASON = 'Set the campaign mode to Identified';
const CONTACT_REASON = 'Add an email or phone field to the form';

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

describe('CouponField: an inserted coupon', () => {
  it('shows the coupon instead of the Insert button', () => {
    setup({ initial: SUMMER });
    expect(
      screen.queryByRole('button', { name: 'Insert a ClearOn coupon' })
    ).not.toBeInTheDocument();
    const card = screen.getByRole('region', { name: 'ClearOn coupon' });
    expect(within(card).getByText('SUMMER10')).toBeInTheDocument();
    expect(within(card).getByText('30 days')).toBeInTheDocument();
    expect(within(card).getByText('Button')).toBeInTheDocument();
    expect(within(card).getByText('Agency')).toBeInTheDocument();
  });

  it('shows the default integration and a single day', () => {
    setup({ initial: { ...SUMMER, integration: null, validityDays: 1, delivery: 'automatic' } });
    const card = screen.getByRole('region', { name: 'ClearOn coupon' });
    expect(within(card).getByText('Default integration (Acme)')).toBeInTheDocument();
    expect(within(card).getByText('1 day')).toBeInTheDocument();
    expect(within(card).getByText('Automatic')).toBeInTheDocument();
  });

  it('inserts, then shows the card, in one flow', async () => {
    const { user } = setup();
    await openInsertModal(user);
    await user.type(codeInput(), 'SUMMER10');
    await user.type(validityInput(), '30');
    await user.click(within(dialog()).getByRole('button', { name: 'Insert' }));
    expect(await screen.findByRole('region', { name: 'ClearOn coupon' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Insert a ClearOn coupon' })).toBeNull();
  });

  it('Edit reopens the modal prefilled and Save stores the new settings', async () => {
    const { spy, user } = setup({ initial: SUMMER });
    await user.click(screen.getByRole('button', { name: 'Edit the coupon SUMMER10' }));

    const modal = screen.getByRole('dialog', { name: 'Edit the ClearOn coupon' });
    const code = within(modal).getByRole('textbox', { name: /Coupon code/ });
    const validity = within(modal).getByRole('textbox', { name: /Validity in days/ });
    expect(code).toHaveValue('SUMMER10');
    expect(validity).toHaveValue('30');
    expect(within(modal).getByRole('radio', { name: 'Button' })).toBeChecked();
    expect(within(modal).getByRole('combobox', { name: 'ClearOn integration' })).toHaveTextContent(
      'Agency'
    );

    await user.clear(validity);
    await user.type(validity, '1.5');
    await user.click(within(modal).getByRole('button', { name: 'Save' }));
    expect(within(modal).getByText('The validity must be a whole number of days')).toBeVisible();
    expect(spy).not.toHaveBeenCalled();

    await user.clear(validity);
    await user.type(validity, '60');
    await user.click(within(modal).getByRole('radio', { name: 'Automatic' }));
    await user.click(within(modal).getByRole('button', { name: 'Save' }));

    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith({
      target: {
        name: NAME,
        type: 'json',
        value: { ...SUMMER, validityDays: 60, delivery: 'automatic' },
      },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('60 days')).toBeInTheDocument();
  });

  it('Delete asks for confirmation; Cancel keeps the coupon', async () => {
    const { spy, user } = setup({ initial: SUMMER });
    await user.click(screen.getByRole('button', { name: 'Delete the coupon SUMMER10' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete the coupon?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(spy).not.toHaveBeenCalled();
    expect(screen.getByText('SUMMER10')).toBeInTheDocument();
  });

  it('Delete, once confirmed, clears the value to null and brings back the Insert button', async () => {
    const { spy, user } = setup({ initial: SUMMER });
    await user.click(screen.getByRole('button', { name: 'Delete the coupon SUMMER10' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete the coupon?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith({ target: { name: NAME, type: 'json', value: null } });
    expect(await screen.findByRole('button', { name: 'Insert a ClearOn coupon' })).toBeEnabled();
  });

  it('tells why a coupon set on an ineligible campaign cannot be saved', () => {
    setup({ initial: SUMMER, campaign: { mode: 'anonymous', fields: [{ type: 'email' }] } });
    expect(screen.getByText('This coupon cannot be saved yet:')).toBeInTheDocument();
    expect(screen.getByText(MODE_REASON)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit the coupon SUMMER10' })).toBeEnabled();
  });

  it('disables Edit and Delete when the field is read-only', () => {
    const spy = jest.fn();
    renderWithProviders(
      <CouponField
        name={NAME}
        value={SUMMER}
        onChange={spy}
        campaign={eligible}
        integrations={integrations}
        disabled
      />
    );
    expect(screen.getByRole('button', { name: 'Edit the coupon SUMMER10' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete the coupon SUMMER10' })).toBeDisabled();
  });

  it('shows an error given by the form', () => {
    renderWithProviders(
      <CouponField
        name={NAME}
        value={null}
        onChange={jest.fn()}
        campaign={eligible}
        integrations={integrations}
        error="must be 1 to 64 characters"
      />
    );
    expect(screen.getByText('must be 1 to 64 characters')).toBeInTheDocument();
  });
});
