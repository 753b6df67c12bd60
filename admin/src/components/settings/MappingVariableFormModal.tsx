import * as React from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
  Radio,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { toApiProblem, type ApiProblem } from '../../api/errors';
import {
  LABEL_MAX,
  TECHNICAL_NAME_MAX,
  TECHNICAL_NAME_PATTERN,
  type MappingVariable,
  type MappingVariableCreateBody,
  type MappingVariableType,
  type MappingVariableUpdateBody,
} from '../../api/mappingVariables';
import { FormModal } from './FormModal';
import { messages } from './messages';

type FieldName = 'label' | 'technicalName' | 'type' | 'availableInForms';

export interface MappingVariableFormModalProps {
  open: boolean;
  /** The variable being edited, or null to create one. */
  variable: MappingVariable | null;
  /** Every variable (built-ins included), to tell about a taken technical name before saving. */
  existing: MappingVariable[];
  /** Saves; rejects with the fetch error (a 400's field errors are shown on the fields). */
  onSubmit: (body: MappingVariableCreateBody | MappingVariableUpdateBody) => Promise<void>;
  onClose: () => void;
}

/** Create a mapping variable, or edit its label / availability (name and type are fixed). */
export const MappingVariableFormModal = ({
  open,
  variable,
  existing,
  onSubmit,
  onClose,
}: MappingVariableFormModalProps) => {
  const { formatMessage } = useIntl();
  const title = variable
    ? formatMessage(messages.variableEditTitle, { name: variable.label })
    : formatMessage(messages.variableCreateTitle);
  return (
    <FormModal open={open} title={title} onClose={onClose}>
      <VariableForm variable={variable} existing={existing} onSubmit={onSubmit} onClose={onClose} />
    </FormModal>
  );
};

const TYPES = [
  { value: 'answer', label: messages.typeAnswer, hint: messages.typeAnswerHint },
  { value: 'opt-in', label: messages.typeOptIn, hint: messages.typeOptInHint },
] as const;

interface Draft {
  label: string;
  technicalName: string;
  type: MappingVariableType;
  availableInForms: boolean;
}

const VariableForm = ({
  variable,
  existing,
  onSubmit,
  onClose,
}: Omit<MappingVariableFormModalProps, 'open'>) => {
  const { formatMessage } = useIntl();
  const editing = variable !== null;
  const ids = `clearon-variable-${React.useId().replace(/:/g, '')}`;
  const [draft, setDraft] = React.useState<Draft>(() => ({
    label: variable?.label ?? '',
    technicalName: variable?.technicalName ?? '',
    type: variable?.type ?? 'answer',
    availableInForms: variable?.availableInForms ?? true,
  }));
  const [clientErrors, setClientErrors] = React.useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = React.useState<ApiProblem | null>(null);
  const [busy, setBusy] = React.useState(false);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setClientErrors((previous) => ({ ...previous, [key]: undefined }));
    setProblem(null);
  };
  const errorOf = (field: FieldName) => clientErrors[field] ?? problem?.fieldErrors[field];

  const check = () => {
    const found: Partial<Record<FieldName, string>> = {};
    const label = draft.label.trim();
    if (!label) found.label = formatMessage(messages.fieldLabelRequired);
    else if (label.length > LABEL_MAX) found.label = formatMessage(messages.fieldLabelTooLong);
    if (!editing) {
      const name = draft.technicalName;
      const clash = existing.find(
        (other) => other.technicalName.toLowerCase() === name.toLowerCase()
      );
      if (!name) found.technicalName = formatMessage(messages.fieldTechnicalNameRequired);
      else if (name.length > TECHNICAL_NAME_MAX) {
        found.technicalName = formatMessage(messages.fieldTechnicalNameTooLong);
      } else if (!TECHNICAL_NAME_PATTERN.test(name)) {
        found.technicalName = formatMessage(messages.fieldTechnicalNameInvalid);
      } else if (clash?.builtIn) {
        found.technicalName = formatMessage(messages.fieldTechnicalNameBuiltIn, {
          name: clash.technicalName,
        });
      } else if (clash) {
        found.technicalName = formatMessage(messages.fieldTechnicalNameTaken, {
          label: clash.label,
        });
      }
    }
    setClientErrors(found);
    return Object.keys(found).length === 0;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (busy || !check()) return;
    const body: MappingVariableCreateBody | MappingVariableUpdateBody = editing
      ? { label: draft.label.trim(), availableInForms: draft.availableInForms }
      : {
          label: draft.label.trim(),
          technicalName: draft.technicalName,
          type: draft.type,
          availableInForms: draft.availableInForms,
        };
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(body);
      onClose();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const known: string[] = ['label', 'technicalName', 'type', 'availableInForms'];
  const unplaced = Object.entries(problem?.fieldErrors ?? {}).filter(
    ([field]) => !known.includes(field)
  );
  const showGeneralError =
    problem !== null && (Object.keys(problem.fieldErrors).length === 0 || unplaced.length > 0);

  return (
    <form onSubmit={submit} noValidate>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={5}>
          {showGeneralError ? (
            <Alert
              variant="danger"
              title={formatMessage(messages.saveError)}
              closeLabel={formatMessage(messages.close)}
              onClose={() => setProblem(null)}
            >
              {unplaced.length > 0
                ? unplaced.map(([, message]) => message).join(' ')
                : (problem?.message ?? formatMessage(messages.genericError))}
            </Alert>
          ) : null}

          <Field.Root
            name="label"
            error={errorOf('label')}
            hint={formatMessage(messages.fieldLabelHint)}
            required
          >
            <Field.Label>{formatMessage(messages.fieldLabel)}</Field.Label>
            <TextInput
              value={draft.label}
              maxLength={LABEL_MAX}
              autoComplete="off"
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                update('label', event.target.value)
              }
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>

          <Field.Root
            name="technicalName"
            error={errorOf('technicalName')}
            hint={formatMessage(
              editing ? messages.fieldTechnicalNameLocked : messages.fieldTechnicalNameHint
            )}
            required={!editing}
          >
            <Field.Label>{formatMessage(messages.fieldTechnicalName)}</Field.Label>
            <TextInput
              value={draft.technicalName}
              maxLength={TECHNICAL_NAME_MAX}
              autoComplete="off"
              spellCheck={false}
              readOnly={editing}
              disabled={editing}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                update('technicalName', event.target.value)
              }
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>

          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography id={`${ids}-type`} variant="pi" fontWeight="bold">
              {formatMessage(messages.fieldType)}
            </Typography>
            <Radio.Group
              aria-labelledby={`${ids}-type`}
              value={draft.type}
              disabled={editing}
              onValueChange={(value) => update('type', value as MappingVariableType)}
            >
              {TYPES.map(({ value, label, hint }) => (
                <Flex key={value} direction="column" alignItems="stretch" gap={1}>
                  <Radio.Item value={value} aria-describedby={`${ids}-${value}-hint`}>
                    {formatMessage(label)}
                  </Radio.Item>
                  <Box paddingLeft={6}>
                    <Typography id={`${ids}-${value}-hint`} variant="pi" textColor="neutral600">
                      {formatMessage(hint)}
                    </Typography>
                  </Box>
                </Flex>
              ))}
            </Radio.Group>
            {editing ? (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(messages.fieldTypeLocked)}
              </Typography>
            ) : null}
            {errorOf('type') ? (
              <Typography variant="pi" textColor="danger600">
                {errorOf('type')}
              </Typography>
            ) : null}
          </Flex>

          <Field.Root
            name="availableInForms"
            error={errorOf('availableInForms')}
            hint={formatMessage(messages.fieldAvailableHint)}
          >
            <Checkbox
              checked={draft.availableInForms}
              onCheckedChange={(checked) => update('availableInForms', checked === true)}
            >
              {formatMessage(messages.fieldAvailable)}
            </Checkbox>
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{formatMessage(messages.cancel)}</Button>
        </Modal.Close>
        <Button type="submit" loading={busy}>
          {formatMessage(editing ? messages.save : messages.create)}
        </Button>
      </Modal.Footer>
    </form>
  );
};
