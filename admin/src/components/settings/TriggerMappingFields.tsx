import { Checkbox, Field, Flex, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { SelectField, TextField } from '../shared/FormFields';
import {
  fieldsFor,
  type ContentTypeField,
  type MappingSlot,
  type TriggerFieldsProps,
} from './triggerForm';
import { triggerMessages as messages } from './triggerMessages';

const SLOT_LABELS: Record<MappingSlot, MessageDescriptor> = {
  email: messages.fieldEmail,
  phone: messages.fieldPhone,
  firstName: messages.fieldFirstName,
  deliveryType: messages.fieldDeliveryType,
};

/** A field's choice: its name and its Strapi type, e.g. `email (email)`. */
const choicesOf = (fields: ContentTypeField[], current: string) => {
  const choices = fields.map((field) => ({
    value: field.name,
    label: `${field.name} (${field.type})`,
  }));
  // A stored name that no longer fits is still shown, so that the server's error can name it.
  if (current && !fields.some((field) => field.name === current)) {
    choices.push({ value: current, label: current });
  }
  return choices;
};

/** The first value a condition on `field` starts from: ticked, the first option, or empty. */
const firstValue = (field: ContentTypeField | undefined) =>
  field?.type === 'boolean' ? 'true' : field?.type === 'enumeration' ? (field.enum?.[0] ?? '') : '';

/** Which entry field holds the email, phone, first name and delivery type; the optional condition. */
export const TriggerMappingFields = ({
  draft,
  contentType,
  change,
  errorOf,
}: TriggerFieldsProps) => {
  const { formatMessage } = useIntl();
  const conditionFields = fieldsFor(contentType, 'condition');
  const conditionField = contentType?.fields.find((field) => field.name === draft.conditionField);

  const conditionValue = () => {
    if (!draft.conditionField) return null;
    const error = errorOf('condition.equals');
    if (conditionField?.type === 'boolean') {
      return (
        <Field.Root name="condition.equals" error={error}>
          <Checkbox
            checked={draft.conditionValue !== 'false'}
            onCheckedChange={(checked) =>
              change({ conditionValue: checked === true ? 'true' : 'false' }, 'condition.equals')
            }
          >
            {formatMessage(messages.conditionTrue, { field: conditionField.name })}
          </Checkbox>
          <Field.Error />
        </Field.Root>
      );
    }
    if (conditionField?.type === 'enumeration') {
      return (
        <SelectField
          name="condition.equals"
          label={formatMessage(messages.fieldConditionValue)}
          value={draft.conditionValue}
          choices={(conditionField.enum ?? []).map((value) => ({ value, label: value }))}
          error={error}
          required
          onChange={(conditionValue) => change({ conditionValue }, 'condition.equals')}
        />
      );
    }
    return (
      <TextField
        name="condition.equals"
        label={formatMessage(messages.fieldConditionValue)}
        value={draft.conditionValue}
        error={error}
        required
        onChange={(conditionValue) => change({ conditionValue }, 'condition.equals')}
        inputProps={conditionField?.type === 'integer' ? { inputMode: 'numeric' } : undefined}
      />
    );
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="delta" tag="h3">
          {formatMessage(messages.mappingTitle)}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(messages.mappingHint)}
        </Typography>
      </Flex>
      {(Object.keys(SLOT_LABELS) as MappingSlot[]).map((slot) => (
        <SelectField
          key={slot}
          name={`mapping.${slot}`}
          label={formatMessage(SLOT_LABELS[slot])}
          value={draft.mapping[slot]}
          noneLabel={formatMessage(messages.mappingNone)}
          choices={choicesOf(fieldsFor(contentType, slot), draft.mapping[slot])}
          error={errorOf(`mapping.${slot}`) ?? (slot === 'email' ? errorOf('mapping') : undefined)}
          disabled={!contentType}
          onChange={(name) =>
            change({ mapping: { ...draft.mapping, [slot]: name } }, `mapping.${slot}`)
          }
        />
      ))}
      <SelectField
        name="condition.field"
        label={formatMessage(messages.fieldConditionField)}
        hint={formatMessage(messages.fieldConditionFieldHint)}
        value={draft.conditionField}
        noneLabel={formatMessage(messages.conditionNone)}
        choices={choicesOf(conditionFields, draft.conditionField)}
        error={errorOf('condition.field') ?? errorOf('condition')}
        disabled={!contentType}
        onChange={(name) =>
          change(
            {
              conditionField: name,
              conditionValue: firstValue(conditionFields.find((field) => field.name === name)),
            },
            'condition.field'
          )
        }
      />
      {conditionValue()}
    </Flex>
  );
};
