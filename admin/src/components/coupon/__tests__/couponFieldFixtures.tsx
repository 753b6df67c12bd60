/** What the CouponField suites share: the harness that holds the field's value, and its fixtures. */
import * as React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { CampaignSnapshot, CouponValue } from '../../../utils/couponRules';
import { CouponField } from '../CouponField';
import type { CouponChangeEvent, IntegrationOption } from '../types';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';

export const NAME = 'exitScreens.0.coupon';

export const eligible: CampaignSnapshot = {
  mode: 'identified',
  fields: [{ type: 'text' }, { type: 'email' }],
};

export const integrations: IntegrationOption[] = [
  { id: 'int-acme', name: 'Acme', isDefault: true, enabled: true },
  { id: 'int-agency', name: 'Agency', isDefault: false, enabled: true },
  { id: 'int-old', name: 'Old account', isDefault: false, enabled: false },
];

export const SUMMER: CouponValue = {
  integration: 'int-agency',
  couponCode: 'SUMMER10',
  validityDays: 30,
  delivery: 'button',
};

/** A controlled field, as the Content Manager's form holds it; `spy` sees every change. */
export const Harness = ({
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

export const setup = (
  props: { initial?: CouponValue | null; campaign?: CampaignSnapshot } = {}
) => {
  const spy = jest.fn();
  const user = userEvent.setup();
  renderWithProviders(<Harness {...props} spy={spy} />);
  return { spy, user };
};

export const insertButton = () => screen.getByRole('button', { name: 'Insert a ClearOn coupon' });
export const dialog = () => screen.getByRole('dialog', { name: 'Insert a ClearOn coupon' });
export const codeInput = () => within(dialog()).getByRole('textbox', { name: /Coupon code/ });
export const validityInput = () =>
  within(dialog()).getByRole('textbox', { name: /Validity in days/ });

export const openInsertModal = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(insertButton());
  return dialog();
};

export const MODE_REASON = 'Set the campaign mode to Identified';
export const CONTACT_REASON = 'Add an email or phone field to the form';

/** The field with SUMMER10, its Delete clicked: the confirmation that opens. */
export const askToDelete = async () => {
  const { spy, user } = setup({ initial: SUMMER });
  await user.click(screen.getByRole('button', { name: 'Delete the coupon SUMMER10' }));
  const confirm = screen.getByRole('alertdialog', { name: 'Delete the coupon?' });
  return { spy, user, confirm };
};
