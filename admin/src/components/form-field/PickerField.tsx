import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { CustomFieldLayoutProps } from '../shared/fieldProps';

import { messages } from './messages';
import type { Choice } from './options';

/** The event the pickers emit: Strapi's form `onChange` reads `target.name` and `target.value`. */
export interface StringChangeEvent {
  target: { name: string; value: string | null; type: 'string' };
}

/** The props the Content Manager gives a custom field's Input (its layout props + `useField`). */
export interface FormFieldInputProps extends CustomFieldLayoutProps {
  name: string;
  value?: unknown;
  onChange: (event: StringChangeEvent) => void;
}

export interface PickerFieldProps extends FormFieldInputProps {
  /** The list to pick from; `null` for a text input (the value cannot be listed). */
  choices: Choice[] | null;
  loading?: boolean;
  /** Replaces the hint, e.g. to say why the list is empty. */
  notice?: React.ReactNode;
}

const stored = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A form field's attribute picked from a list (design-system SingleSelect with an empty choice),
 * or typed when there is no list. The value is stored as the plain string it always was.
 */
export const PickerField = ({
  name,
  value,
  onChange,
  label,
  labelAction,
  hint,
  error,
  required,
  disabled,
  choices,
  loading,
  notice,
}: PickerFieldProps) => {
  const { formatMessage } = useIntl();
  const emit = (next: string) =>
    onChange({ target: { name, value: next === '' ? null : next, type: 'string' } });

  const text = (choice: Choice) => {
    if (choice.label === null) return formatMessage(messages.unknown, { value: choice.value });
    if (choice.detail && choice.detail !== choice.label) {
      return formatMessage(messages.choice, { label: choice.label, detail: choice.detail });
    }
    return choice.label;
  };

  return (
    <Field.Root name={name} hint={notice ?? hint} error={error} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      {choices === null ? (
        <TextInput
          value={stored(value)}
          disabled={disabled}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => emit(event.target.value)}
        />
      ) : (
        <SingleSelect
          value={stored(value)}
          disabled={disabled}
          loading={loading}
          onChange={(next) => emit(String(next))}
        >
          <SingleSelectOption value="">{formatMessage(messages.none)}</SingleSelectOption>
          {choices.map((choice) => (
            <SingleSelectOption key={choice.value} value={choice.value}>
              {text(choice)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      )}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
