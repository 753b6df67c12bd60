import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import MappingVariableInput from '../MappingVariableInput';
import ShowWhenFieldInput from '../ShowWhenFieldInput';
import ShowWhenValueInput from '../ShowWhenValueInput';
import { state } from '../../../../test-utils/strapiAdminMock';
import { formFields } from './formFixtures';

// The admin's stand-in (its fetch client and RTK Query API), plus the document's form.
const mockForm = { values: {} as Record<string, unknown> };

jest.mock('@strapi/strapi/admin', () => ({
  ...jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin,
  useForm: (_consumer: string, selector: (state: typeof mockForm) => unknown) => selector(mockForm),
}));

const mockGet = state.client.get;

/** What Strapi's form gets from the input on a change. */
const emitted = (name: string, value: string | null) => ({
  target: { name, value, type: 'string' },
});

/** The input's last change: Strapi's form reads `target.name` and `target.value`. */
const expectEmitted = (onChange: jest.Mock, name: string, value: string | null) =>
  expect(onChange).toHaveBeenLastCalledWith(emitted(name, value));

/** The three inputs, named and labelled as the campaign form's fields are. */
const INPUTS = {
  mappingVariable: [MappingVariableInput, 'fields.1.mappingVariable', 'Mapping variable'],
  showWhenField: [ShowWhenFieldInput, 'fields.2.showWhenField', 'Show when field'],
  showWhenValue: [ShowWhenValueInput, 'fields.2.showWhenValue', 'Show when value'],
} as const;

const render = (input: keyof typeof INPUTS, value: string | null = null) => {
  const [Component, name, label] = INPUTS[input];
  const onChange = jest.fn();
  renderWithProviders(<Component name={name} label={label} value={value} onChange={onChange} />);
  const user = userEvent.setup();
  /** Picks `option` in the open list and answers what the input emitted then. */
  const choose = async (option: string) => {
    await user.click(screen.getByRole('option', { name: option }));
    return onChange.mock.calls.at(-1)?.[0];
  };
  return { onChange, user, choose };
};

/** Opens the picker `label` (once `awaited` is offered, when given) and lists its options. */
const optionsOf = async (
  user: ReturnType<typeof userEvent.setup>,
  label: string,
  awaited?: string
) => {
  await user.click(screen.getByRole('combobox', { name: label }));
  if (awaited) await screen.findByRole('option', { name: awaited });
  return (await screen.findAllByRole('option')).map((option) => option.textContent);
};

interface FieldValues {
  key: string;
  type: string;
  options?: Array<{ label: string; value: string }>;
  showWhenField?: string;
  showWhenValue?: string;
}

const form: { fields: FieldValues[] } = {
  fields: [
    ...formFields,
    { key: 'phone', type: 'phone', showWhenField: 'deliveryType', showWhenValue: 'sms' },
    { key: 'optIn', type: 'checkbox' },
  ],
};

beforeEach(() => {
  mockGet.mockReset();
  mockForm.values = JSON.parse(JSON.stringify(form));
});

describe('the form field pickers in the Content Manager', () => {
  it('offers the mapping variables available in forms and stores the technical name', async () => {
    mockGet.mockResolvedValue({
      data: {
        data: [
          { technicalName: 'firstname', label: 'First name', builtIn: true },
          { technicalName: 'deliveryType', label: 'Delivery type', builtIn: false },
        ],
      },
    });
    const { user, choose } = render('mappingVariable');
    await waitFor(() =>
      expect(mockGet).toHaveBeenCalledWith('/clearon/mapping-variable-options', undefined)
    );
    expect(await optionsOf(user, 'Mapping variable', 'Delivery type (deliveryType)')).toEqual([
      'None',
      'First name (firstname)',
      'Delivery type (deliveryType)',
    ]);
    expect(await choose('Delivery type (deliveryType)')).toEqual(
      emitted('fields.1.mappingVariable', 'deliveryType')
    );
  });

  it('empties the mapping variable with None, and names a stored one that is not offered', async () => {
    mockGet.mockResolvedValue({ data: { data: [] } });
    const { user, onChange } = render('mappingVariable', 'legacyName');
    expect(
      await screen.findByText(/No mapping variable is available in forms/)
    ).toBeInTheDocument();
    expect(await optionsOf(user, 'Mapping variable')).toEqual([
      'None',
      'legacyName (not in the list)',
    ]);
    await user.click(screen.getByRole('option', { name: 'None' }));
    expectEmitted(onChange, 'fields.1.mappingVariable', null);
  });

  it("offers the keys of the form's other fields as Show when field, not its own", async () => {
    const { user, choose } = render('showWhenField', 'deliveryType');
    expect(screen.getByRole('combobox', { name: 'Show when field' })).toHaveTextContent(
      'deliveryType'
    );
    expect(await optionsOf(user, 'Show when field')).toEqual([
      'None',
      'email',
      'deliveryType',
      'optIn',
    ]);
    expect(await choose('optIn')).toEqual(emitted('fields.2.showWhenField', 'optIn'));
    expect(mockGet).not.toHaveBeenCalled();
  });

  it('offers the option values of a choice Show when field', async () => {
    const { user, choose } = render('showWhenValue', 'sms');
    expect(await optionsOf(user, 'Show when value')).toEqual([
      'None',
      'By SMS (sms)',
      'By email (email)',
    ]);
    expect(await choose('By email (email)')).toEqual(emitted('fields.2.showWhenValue', 'email'));
  });

  it('lets the value be typed when the Show when field is not a choice field', async () => {
    const fields = (mockForm.values as typeof form).fields;
    fields[2] = { key: 'phone', type: 'phone', showWhenField: 'email', showWhenValue: '' };
    const { user, onChange } = render('showWhenValue');
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Show when value' }), 'x');
    expectEmitted(onChange, 'fields.2.showWhenValue', 'x');
  });

  it('asks for the Show when field first when there is none', () => {
    const fields = (mockForm.values as typeof form).fields;
    fields[2] = { key: 'phone', type: 'phone' };
    render('showWhenValue');
    expect(screen.getByText('Pick the Show when field first')).toBeInTheDocument();
  });
});
