import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import MappingVariableInput from '../MappingVariableInput';
import ShowWhenFieldInput from '../ShowWhenFieldInput';
import ShowWhenValueInput from '../ShowWhenValueInput';

// Only what needs a running admin is mocked: the document's form and the fetch client.
const mockForm = { values: {} as Record<string, unknown> };
const mockGet = jest.fn();
const mockClient = { get: mockGet };

jest.mock('@strapi/strapi/admin', () => ({
  useForm: (_consumer: string, selector: (state: typeof mockForm) => unknown) => selector(mockForm),
  useFetchClient: () => mockClient,
}));

type Input = typeof MappingVariableInput;

const render = (Component: Input, name: string, label: string, value: string | null = null) => {
  const onChange = jest.fn();
  renderWithProviders(<Component name={name} label={label} value={value} onChange={onChange} />);
  return { onChange, user: userEvent.setup() };
};

const optionsOf = async (user: ReturnType<typeof userEvent.setup>, label: string) => {
  await user.click(screen.getByRole('combobox', { name: label }));
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
    { key: 'email', type: 'email' },
    {
      key: 'deliveryType',
      type: 'choice',
      options: [
        { label: 'By SMS', value: 'sms' },
        { label: 'By email', value: 'email' },
      ],
    },
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
    const { user, onChange } = render(
      MappingVariableInput,
      'fields.1.mappingVariable',
      'Mapping variable'
    );
    await waitFor(() => expect(mockGet).toHaveBeenCalledWith('/clearon/mapping-variable-options'));
    await user.click(screen.getByRole('combobox', { name: 'Mapping variable' }));
    await screen.findByRole('option', { name: 'Delivery type (deliveryType)' });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'None',
      'First name (firstname)',
      'Delivery type (deliveryType)',
    ]);
    await user.click(screen.getByRole('option', { name: 'Delivery type (deliveryType)' }));
    expect(onChange).toHaveBeenLastCalledWith({
      target: { name: 'fields.1.mappingVariable', value: 'deliveryType', type: 'string' },
    });
  });

  it('empties the mapping variable with None, and names a stored one that is not offered', async () => {
    mockGet.mockResolvedValue({ data: { data: [] } });
    const { user, onChange } = render(
      MappingVariableInput,
      'fields.1.mappingVariable',
      'Mapping variable',
      'legacyName'
    );
    expect(
      await screen.findByText(/No mapping variable is available in forms/)
    ).toBeInTheDocument();
    expect(await optionsOf(user, 'Mapping variable')).toEqual([
      'None',
      'legacyName (not in the list)',
    ]);
    await user.click(screen.getByRole('option', { name: 'None' }));
    expect(onChange).toHaveBeenLastCalledWith({
      target: { name: 'fields.1.mappingVariable', value: null, type: 'string' },
    });
  });

  it("offers the keys of the form's other fields as Show when field, not its own", async () => {
    const { user, onChange } = render(
      ShowWhenFieldInput,
      'fields.2.showWhenField',
      'Show when field',
      'deliveryType'
    );
    expect(screen.getByRole('combobox', { name: 'Show when field' })).toHaveTextContent(
      'deliveryType'
    );
    expect(await optionsOf(user, 'Show when field')).toEqual([
      'None',
      'email',
      'deliveryType',
      'optIn',
    ]);
    await user.click(screen.getByRole('option', { name: 'optIn' }));
    expect(onChange).toHaveBeenLastCalledWith({
      target: { name: 'fields.2.showWhenField', value: 'optIn', type: 'string' },
    });
    expect(mockGet).not.toHaveBeenCalled();
  });

  it('offers the option values of a choice Show when field', async () => {
    const { user, onChange } = render(
      ShowWhenValueInput,
      'fields.2.showWhenValue',
      'Show when value',
      'sms'
    );
    expect(await optionsOf(user, 'Show when value')).toEqual([
      'None',
      'By SMS (sms)',
      'By email (email)',
    ]);
    await user.click(screen.getByRole('option', { name: 'By email (email)' }));
    expect(onChange).toHaveBeenLastCalledWith({
      target: { name: 'fields.2.showWhenValue', value: 'email', type: 'string' },
    });
  });

  it('lets the value be typed when the Show when field is not a choice field', async () => {
    const fields = (mockForm.values as typeof form).fields;
    fields[2] = { key: 'phone', type: 'phone', showWhenField: 'email', showWhenValue: '' };
    const { user, onChange } = render(
      ShowWhenValueInput,
      'fields.2.showWhenValue',
      'Show when value'
    );
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Show when value' }), 'x');
    expect(onChange).toHaveBeenLastCalledWith({
      target: { name: 'fields.2.showWhenValue', value: 'x', type: 'string' },
    });
  });

  it('asks for the Show when field first when there is none', () => {
    const fields = (mockForm.values as typeof form).fields;
    fields[2] = { key: 'phone', type: 'phone' };
    render(ShowWhenValueInput, 'fields.2.showWhenValue', 'Show when value');
    expect(screen.getByText('Pick the Show when field first')).toBeInTheDocument();
  });
});
