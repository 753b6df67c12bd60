import { Checkbox, Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import {
  LABEL_MAX,
  TECHNICAL_NAME_MAX,
  TECHNICAL_NAME_PATTERN,
} from '../../../../shared/contracts/mapping-variables';
import type {
  MappingVariable,
  MappingVariableCreateBody,
  MappingVariableType,
  MappingVariableUpdateBody,
} from '../../services/mappingVariables';
import { RadioField, TextField, useFieldIds } from '../shared/FormFields';
import { useModalForm } from '../shared/useModalForm';
import { messages } from './messages';
import { SettingsForm } from './SettingsForm';
import type { CrudFormProps } from './useSettingsCrud';

const TYPES = [
  { value: 'answer', label: messages.typeAnswer, hint: messages.typeAnswerHint },
  { value: 'opt-in', label: messages.typeOptIn, hint: messages.typeOptInHint },
] as const;

const PLACED = ['label', 'technicalName', 'type', 'availableInForms'];

interface Draft {
  label: string;
  technicalName: string;
  type: MappingVariableType;
  availableInForms: boolean;
}

/** Create a mapping variable, or edit its label / availability (name and type are fixed). */
export const MappingVariableForm = ({
  item: variable,
  existing,
  onSubmit,
  onClose,
}: CrudFormProps<MappingVariable, MappingVariableCreateBody | MappingVariableUpdateBody> & {
  /** Every variable (built-ins included), to tell about a taken technical name before saving. */
  existing: MappingVariable[];
}) => {
  const { formatMessage } = useIntl();
  const editing = variable !== null;
  const ids = useFieldIds('clearon-variable');

  /** The technical name's problem on create: missing, malformed, or taken (built-in or not). */
  const technicalNameError = (name: string) => {
    const clash = existing.find(
      (other) => other.technicalName.toLowerCase() === name.toLowerCase()
    );
    if (!name) return formatMessage(messages.fieldTechnicalNameRequired);
    if (name.length > TECHNICAL_NAME_MAX) return formatMessage(messages.fieldTechnicalNameTooLong);
    if (!TECHNICAL_NAME_PATTERN.test(name)) {
      return formatMessage(messages.fieldTechnicalNameInvalid);
    }
    if (clash?.builtIn) {
      return formatMessage(messages.fieldTechnicalNameBuiltIn, { name: clash.technicalName });
    }
    return clash ? formatMessage(messages.fieldTechnicalNameTaken, { label: clash.label }) : null;
  };

  const form = useModalForm<Draft>({
    initial: () => ({
      label: variable?.label ?? '',
      technicalName: variable?.technicalName ?? '',
      type: variable?.type ?? 'answer',
      availableInForms: variable?.availableInForms ?? true,
    }),
    placed: PLACED,
    fallbackMessage: formatMessage(messages.genericError),
    check: (draft) => {
      const found: Record<string, string> = {};
      const label = draft.label.trim();
      if (!label) found.label = formatMessage(messages.fieldLabelRequired);
      else if (label.length > LABEL_MAX) found.label = formatMessage(messages.fieldLabelTooLong);
      const nameError = editing ? null : technicalNameError(draft.technicalName);
      if (nameError) found.technicalName = nameError;
      return found;
    },
    send: async (draft) => {
      const label = draft.label.trim();
      await onSubmit(
        editing ? { label, availableInForms: draft.availableInForms } : { ...draft, label }
      );
      onClose();
    },
  });
  const { draft, change, errorOf, field } = form;

  return (
    <SettingsForm form={form} editing={editing}>
      <TextField
        {...field('label')}
        label={formatMessage(messages.fieldLabel)}
        required
        hint={formatMessage(messages.fieldLabelHint)}
        inputProps={{ maxLength: LABEL_MAX }}
      />
      <TextField
        {...field('technicalName')}
        label={formatMessage(messages.fieldTechnicalName)}
        hint={formatMessage(
          editing ? messages.fieldTechnicalNameLocked : messages.fieldTechnicalNameHint
        )}
        required={!editing}
        disabled={editing}
        inputProps={{ maxLength: TECHNICAL_NAME_MAX, spellCheck: false, readOnly: editing }}
      />
      <RadioField
        id={`${ids}-type`}
        label={formatMessage(messages.fieldType)}
        value={draft.type}
        disabled={editing}
        choices={TYPES.map(({ value, label, hint }) => ({
          value,
          label: formatMessage(label),
          hint: formatMessage(hint),
        }))}
        hint={editing ? formatMessage(messages.fieldTypeLocked) : undefined}
        error={errorOf('type')}
        onChange={(type) => change({ type: type as MappingVariableType }, 'type')}
      />
      <Field.Root
        name="availableInForms"
        error={errorOf('availableInForms')}
        hint={formatMessage(messages.fieldAvailableHint)}
      >
        <Checkbox
          checked={draft.availableInForms}
          onCheckedChange={(checked) =>
            change({ availableInForms: checked === true }, 'availableInForms')
          }
        >
          {formatMessage(messages.fieldAvailable)}
        </Checkbox>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </SettingsForm>
  );
};
