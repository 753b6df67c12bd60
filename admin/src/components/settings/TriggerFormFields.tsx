import * as React from 'react';
import {
  Box,
  Field,
  Flex,
  Radio,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';

import type { TriggerContentType } from '../../api/triggers';
import type { TriggerDraft } from './triggerForm';

/** What every part of the trigger form gets from the form. */
export interface TriggerFieldsProps {
  draft: TriggerDraft;
  /** The chosen content type (undefined until one is chosen). */
  contentType: TriggerContentType | undefined;
  /** Changes one value of the draft; `path` is the field whose error it clears. */
  change: (patch: Partial<TriggerDraft>, path: string) => void;
  /** The client's or the server's message for a field path (`mapping.email`), if any. */
  errorOf: (path: string) => string | undefined;
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
  inputProps,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  onChange: (value: string) => void;
  inputProps?: Partial<React.ComponentProps<typeof TextInput>>;
}) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <TextInput
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
  error,
  required,
  disabled,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  choices: SelectChoice[];
  noneLabel?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  onChange: (value: string) => void;
}) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      value={value === '' && noneLabel !== undefined ? NONE : value || undefined}
      placeholder={placeholder}
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

/** A labelled radio group; each choice may carry a hint under it. */
export const RadioField = ({
  id,
  label,
  value,
  choices,
  error,
  hint,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  choices: Array<SelectChoice & { hint?: string }>;
  error?: string;
  hint?: string;
  onChange: (value: string) => void;
}) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <Typography id={`${id}-label`} variant="pi" fontWeight="bold">
      {label}
    </Typography>
    <Radio.Group aria-labelledby={`${id}-label`} value={value} onValueChange={onChange}>
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
  </Flex>
);
