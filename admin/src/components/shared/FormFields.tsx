import * as React from 'react';
import {
  Box,
  Field,
  Flex,
  Radio,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';

/**
 * Labelled form fields on the design system's Field: the label, the hint and the error are tied to
 * the input (aria-describedby, aria-invalid), so a server's 400 shows on the field it names.
 */

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

/** The select's value for "none" (Radix's select refuses an empty value). */
export const NONE = '__none__';

export const TextField = ({
  name,
  label,
  hint,
  value,
  error,
  required,
  disabled,
  onChange,
  inputRef,
  inputProps,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  inputRef?: React.Ref<HTMLInputElement>;
  inputProps?: Partial<React.ComponentProps<typeof TextInput>>;
}) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      ref={inputRef}
      value={value}
      autoComplete="off"
      disabled={disabled}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      {...inputProps}
    />
    {hint ? <Field.Hint /> : null}
    <Field.Error />
  </Field.Root>
);

export interface SelectChoice {
  value: string;
  label: string;
}

/** A labelled select; `noneLabel` adds a first choice that stands for "none" (value ''). */
export const SelectField = ({
  name,
  label,
  hint,
  value,
  choices,
  noneLabel,
  placeholder,
  loading,
  error,
  required,
  disabled,
  onChange,
}: FieldProps & {
  value: string;
  choices: SelectChoice[];
  noneLabel?: string;
  placeholder?: string;
  loading?: boolean;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      value={value === '' && noneLabel !== undefined ? NONE : value || undefined}
      placeholder={placeholder}
      loading={loading}
      disabled={disabled}
      onChange={(next) => onChange(String(next) === NONE ? '' : String(next))}
    >
      {noneLabel !== undefined ? (
        <SingleSelectOption value={NONE}>{noneLabel}</SingleSelectOption>
      ) : null}
      {choices.map((choice) => (
        <SingleSelectOption key={choice.value} value={choice.value}>
          {choice.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    {hint ? <Field.Hint /> : null}
    <Field.Error />
  </Field.Root>
);

/** An on/off switch with its label and hint. */
export const ToggleField = ({
  name,
  label,
  hint,
  checked,
  onLabel,
  offLabel,
  onChange,
}: Omit<FieldProps, 'error'> & {
  checked: boolean;
  onLabel: string;
  offLabel: string;
  onChange: (checked: boolean) => void;
}) => (
  <Field.Root name={name} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <Toggle
      checked={checked}
      onLabel={onLabel}
      offLabel={offLabel}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
    />
    {hint ? <Field.Hint /> : null}
  </Field.Root>
);

/** A labelled radio group; each choice may carry a hint under it; `children` come after it. */
export const RadioField = ({
  id,
  label,
  value,
  choices,
  error,
  hint,
  disabled,
  onChange,
  children,
}: {
  /** A unique prefix for the label's and the hints' ids. */
  id: string;
  label: string;
  value: string;
  choices: Array<SelectChoice & { hint?: string }>;
  error?: string;
  hint?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  children?: React.ReactNode;
}) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <Typography id={`${id}-label`} variant="pi" fontWeight="bold">
      {label}
    </Typography>
    <Radio.Group
      aria-labelledby={`${id}-label`}
      value={value}
      disabled={disabled}
      onValueChange={onChange}
    >
      {choices.map((choice) => (
        <Flex key={choice.value} direction="column" alignItems="stretch" gap={1}>
          <Radio.Item
            value={choice.value}
            aria-describedby={choice.hint ? `${id}-${choice.value}-hint` : undefined}
          >
            {choice.label}
          </Radio.Item>
          {choice.hint ? (
            <Box paddingLeft={6}>
              <Typography id={`${id}-${choice.value}-hint`} variant="pi" textColor="neutral600">
                {choice.hint}
              </Typography>
            </Box>
          ) : null}
        </Flex>
      ))}
    </Radio.Group>
    {hint ? (
      <Typography variant="pi" textColor="neutral600">
        {hint}
      </Typography>
    ) : null}
    {error ? (
      <Typography variant="pi" textColor="danger600" role="alert">
        {error}
      </Typography>
    ) : null}
    {children}
  </Flex>
);

/** A unique id prefix for a form's radio groups (React's useId without its colons). */
export const useFieldIds = (prefix: string) => `${prefix}-${React.useId().replace(/:/g, '')}`;
