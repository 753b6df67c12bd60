import '@testing-library/jest-dom';
import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '../../../test-utils/renderWithProviders';
import { state } from '../../../test-utils/strapiAdminMock';
import CouponInput from '../CouponInput';

// The shared admin stand-in, plus the document's form (its root values).
const mockForm = { values: {} as Record<string, unknown> };

jest.mock('@strapi/strapi/admin', () => ({
  ...jest.requireActual('../../../test-utils/strapiAdminMock').strapiAdmin,
  useForm: (_consumer: string, selector: (state: typeof mockForm) => unknown) => selector(mockForm),
}));

const mockGet = state.client.get;
/** The URLs asked for (the integrations come from the fetch client or an RTK Query endpoint). */
const requested = () => mockGet.mock.calls.map(([url]) => url);

const integrationsResponse = {
  data: {
    data: [
      { id: 'doc-1', name: 'Acme', isDefault: true, enabled: true },
      { id: 'doc-2', name: 'Agency', isDefault: false, enabled: false },
    ],
  },
};

const renderInput = (props: Partial<React.ComponentProps<typeof CouponInput>> = {}) => {
  const onChange = jest.fn();
  renderWithProviders(
    <CouponInput name="exitScreens.1.coupon" label="coupon" onChange={onChange} {...props} />
  );
  return { onChange };
};

beforeEach(() => {
  mockGet.mockReset();
  mockGet.mockResolvedValue(integrationsResponse);
});

describe('CouponInput (the custom field connected to Strapi)', () => {
  it("reads the campaign's mode and fields from the root form values", async () => {
    mockForm.values = {
      mode: 'anonymous',
      fields: [{ type: 'text' }],
      exitScreens: [{ title: 'A' }, { title: 'B', coupon: null }],
    };
    renderInput();
    expect(screen.getByRole('button', { name: 'Insert a ClearOn coupon' })).toBeDisabled();
    expect(screen.getByText('Set the campaign mode to Identified')).toBeInTheDocument();
    expect(screen.getByText('Add an email or phone field to the form')).toBeInTheDocument();
    await waitFor(() => expect(requested()).toEqual(['/clearon/integration-options']));
  });

  it('loads the integrations from the admin API and names the stored one', async () => {
    mockForm.values = { mode: 'identified', fields: [{ type: 'email' }] };
    renderInput({
      value: { integration: 'doc-2', couponCode: 'C1', validityDays: 5, delivery: 'button' },
    });
    await waitFor(() => expect(requested()).toEqual(['/clearon/integration-options']));
    expect(await screen.findByText('Agency (disabled)')).toBeInTheDocument();
  });

  it('inserts through the form onChange with a json event', async () => {
    mockForm.values = { mode: 'identified', fields: [{ type: 'phone' }] };
    const { onChange } = renderInput({ value: null });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Insert a ClearOn coupon' }));
    await user.type(screen.getByRole('textbox', { name: /Coupon code/ }), 'C1');
    await user.type(screen.getByRole('textbox', { name: /Validity in days/ }), '10');
    await user.click(screen.getByRole('button', { name: 'Insert' }));
    expect(onChange).toHaveBeenCalledWith({
      target: {
        name: 'exitScreens.1.coupon',
        type: 'json',
        value: { integration: null, couponCode: 'C1', validityDays: 10, delivery: 'button' },
      },
    });
  });

  it('still works when the integrations cannot be loaded', async () => {
    mockGet.mockRejectedValue(new Error('403'));
    mockForm.values = { mode: 'identified', fields: [{ type: 'email' }] };
    renderInput();
    const user = userEvent.setup();
    await waitFor(() => expect(mockGet).toHaveBeenCalled());
    await user.click(screen.getByRole('button', { name: 'Insert a ClearOn coupon' }));
    expect(
      await screen.findByText('The ClearOn integrations could not be loaded.')
    ).toBeInTheDocument();
  });
});
