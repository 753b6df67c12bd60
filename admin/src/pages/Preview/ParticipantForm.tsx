import * as React from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Radio,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { messages } from '../../components/campaign-tools/messages';
import type { CampaignPreview, PreviewField } from '../../components/campaign-tools/types';

type Values = Record<string, string | boolean>;

/** A field is shown when it has no condition, or when the other field holds the given value. */
export const isShown = (field: PreviewField, values: Values) =>
  !field.showWhen || values[field.showWhen.field] === (field.showWhen.value ?? '');

const FieldInput = ({
  field,
  value,
  onChange,
}: {
  field: PreviewField;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
}) => {
  if (field.type === 'checkbox') {
    return (
      <Checkbox checked={value === true} onCheckedChange={(checked) => onChange(checked === true)}>
        {field.label}
      </Checkbox>
    );
  }
  if (field.type === 'choice') {
    return (
      <Radio.Group
        aria-label={field.label}
        value={typeof value === 'string' ? value : ''}
        onValueChange={onChange}
      >
        {(field.options ?? []).map((option) => (
          <Radio.Item key={option.value} value={option.value}>
            {option.label}
          </Radio.Item>
        ))}
      </Radio.Group>
    );
  }
  return (
    <TextInput
      type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
      value={typeof value === 'string' ? value : ''}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
  );
};

/**
 * The participant's form, live: conditional fields appear and disappear as the values change, quiz
 * questions can be answered. Nothing is submitted.
 */
export const ParticipantForm = ({ campaign }: { campaign: CampaignPreview['campaign'] }) => {
  const { formatMessage } = useIntl();
  const [values, setValues] = React.useState<Values>({});
  const set = (key: string) => (value: string | boolean) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const labelOf = (key: string) => campaign.fields.find((f) => f.key === key)?.label ?? key;
  const optionLabel = (key: string, value: string | null) =>
    campaign.fields.find((f) => f.key === key)?.options?.find((o) => o.value === value)?.label ??
    value ??
    '';

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="beta" tag="h2">
        {campaign.title}
      </Typography>
      {campaign.fields.length === 0 && campaign.questions.length === 0 ? (
        <Typography textColor="neutral600">{formatMessage(messages.noFields)}</Typography>
      ) : null}
      {campaign.fields
        .filter((field) => isShown(field, values))
        .map((field) => (
          <Field.Root
            key={field.key}
            name={`preview-${field.key}`}
            required={field.required}
            hint={
              field.showWhen
                ? formatMessage(messages.conditional, {
                    field: labelOf(field.showWhen.field),
                    value: optionLabel(field.showWhen.field, field.showWhen.value),
                  })
                : undefined
            }
          >
            {field.type === 'checkbox' ? null : <Field.Label>{field.label}</Field.Label>}
            <FieldInput field={field} value={values[field.key]} onChange={set(field.key)} />
            <Field.Hint />
          </Field.Root>
        ))}
      {campaign.questions.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="delta" tag="h3">
            {formatMessage(messages.quizHeading)}
          </Typography>
          {campaign.questions.map((question) => (
            <Box key={question.key}>
              <Typography variant="omega" fontWeight="bold" id={`preview-q-${question.key}`}>
                {question.label}
              </Typography>
              <Box paddingTop={2}>
                <Radio.Group
                  aria-labelledby={`preview-q-${question.key}`}
                  value={
                    typeof values[question.key] === 'string' ? String(values[question.key]) : ''
                  }
                  onValueChange={set(question.key)}
                >
                  {question.answers.map((answer) => (
                    <Radio.Item key={answer.value} value={answer.value}>
                      {answer.label}
                    </Radio.Item>
                  ))}
                </Radio.Group>
              </Box>
            </Box>
          ))}
        </Flex>
      ) : null}
      <Box>
        <Button disabled>{formatMessage(messages.submitSample)}</Button>
      </Box>
    </Flex>
  );
};
