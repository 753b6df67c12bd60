import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { CouponField } from '../CouponField';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { askToDelete, codeInput, dialog, eligible, integrations } from './couponFieldFixtures';
import { MODE_REASON, NAME, openInsertModal, setup, SUMMER } from './couponFieldFixtures';
import { validityInput } from './couponFieldFixtures';

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
    const { spy, user, confirm } = await askToDelete();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(spy).not.toHaveBeenCalled();
    expect(screen.getByText('SUMMER10')).toBeInTheDocument();
  });

  it('Delete, once confirmed, clears the value to null and brings back the Insert button', async () => {
    const { spy, user, confirm } = await askToDelete();
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
