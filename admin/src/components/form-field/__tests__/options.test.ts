import {
  formFieldPath,
  getIn,
  mappingVariableChoices,
  showWhenValueChoices,
  siblingKeyChoices,
} from '../options';
import { formFields } from './formFixtures';

const variables = [
  { technicalName: 'firstname', label: 'First name', builtIn: true },
  { technicalName: 'email', label: 'Email', builtIn: true },
  { technicalName: 'deliveryType', label: 'Delivery type', builtIn: false },
];

const fields = [
  ...formFields,
  { key: 'phone', type: 'phone', showWhenField: 'deliveryType' },
  { key: '', type: 'text' },
  { key: 'optIn', type: 'checkbox' },
];

describe('the form field pickers: what they offer', () => {
  it('finds the entries next to an input from its name', () => {
    expect(formFieldPath('fields.2.showWhenField')).toEqual({ listPath: 'fields', index: 2 });
    expect(formFieldPath('blocks.0.fields.11.mappingVariable')).toEqual({
      listPath: 'blocks.0.fields',
      index: 11,
    });
    expect(formFieldPath('showWhenField')).toBeNull();
    expect(formFieldPath('fields.x.showWhenField')).toBeNull();
    expect(getIn({ fields }, 'fields.1.options.0.value')).toBe('sms');
    expect(getIn({ fields }, 'fields.9.key')).toBeUndefined();
  });

  it('lists the mapping variables, built-in ones included, by label and technical name', () => {
    expect(mappingVariableChoices(variables, 'deliveryType')).toEqual([
      { value: 'firstname', label: 'First name', detail: 'firstname' },
      { value: 'email', label: 'Email', detail: 'email' },
      { value: 'deliveryType', label: 'Delivery type', detail: 'deliveryType' },
    ]);
    // A stored value the list does not hold still shows, marked as such.
    expect(mappingVariableChoices(variables, 'oldName').at(-1)).toEqual({
      value: 'oldName',
      label: null,
    });
    expect(mappingVariableChoices([], null)).toEqual([]);
  });

  it("lists the keys of the form's other fields, never the field's own", () => {
    expect(siblingKeyChoices(fields, 2).map((choice) => choice.value)).toEqual([
      'email',
      'deliveryType',
      'optIn',
    ]);
    expect(siblingKeyChoices(fields, 0).map((choice) => choice.value)).toEqual([
      'deliveryType',
      'phone',
      'optIn',
    ]);
    // A key used twice is offered once; a stored key no field has any more is kept, marked.
    const twice = [...fields, { key: 'email', type: 'text' }];
    expect(siblingKeyChoices(twice, 2, 'gone').map((choice) => choice.value)).toEqual([
      'email',
      'deliveryType',
      'optIn',
      'gone',
    ]);
    expect(siblingKeyChoices(undefined, 0)).toEqual([]);
  });

  it("lists the chosen choice field's option values, else lets the value be typed", () => {
    expect(showWhenValueChoices(fields, 2, 'deliveryType', 'sms')).toEqual([
      { value: 'sms', label: 'By SMS', detail: 'sms' },
      { value: 'email', label: 'By email', detail: 'email' },
    ]);
    expect(showWhenValueChoices(fields, 2, 'deliveryType', 'post')?.at(-1)).toEqual({
      value: 'post',
      label: null,
    });
    // Not a choice field, no such field, no field chosen, or the field itself: typed as text.
    expect(showWhenValueChoices(fields, 2, 'optIn')).toBeNull();
    expect(showWhenValueChoices(fields, 2, 'email')).toBeNull();
    expect(showWhenValueChoices(fields, 2, 'nothing')).toBeNull();
    expect(showWhenValueChoices(fields, 2, null)).toBeNull();
    expect(showWhenValueChoices(fields, 1, 'deliveryType')).toBeNull();
  });
});
