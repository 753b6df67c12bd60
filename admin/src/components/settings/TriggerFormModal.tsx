import * as React from 'react';
import { Alert, Button, Divider, Field, Flex, Modal, Toggle } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { toApiProblem } from '../../api/errors';
import {
  TRIGGER_EVENTS,
  TRIGGER_NAME_MAX,
  type Trigger,
  type TriggerContentType,
  type TriggerInput,
} from '../../api/triggers';
import type { IntegrationOption } from '../coupon/types';
import { FormModal } from './FormModal';
import { messages as settingsMessages } from './messages';
import {
  checkDraft,
  eventsFor,
  fieldErrorsByPath,
  oneOf,
  toBody,
  toDraft,
  withContentType,
  type TriggerDraft,
} from './triggerForm';
import { TriggerCouponFields } from './TriggerCouponFields';
import { SelectField, TextField } from './TriggerFormFields';
import { TriggerMappingFields } from './TriggerMappingFields';
import { triggerMessages as messages } from './triggerMessages';

export interface TriggerFormModalProps {
  open: boolean;
  /** The trigger being edited, or null to create one. */
  trigger: Trigger | null;
  /** The app's collection types (`GET /clearon/triggers/content-types`). */
  contentTypes: TriggerContentType[];
  integrations: IntegrationOption[];
  /** Saves; rejects with the fetch error (a 400's field errors are shown on the fields). */
  onSubmit: (body: TriggerInput) => Promise<void>;
  onClose: () => void;
}

/** Create a coupon trigger, or edit one (its key and content type are fixed). */
export const TriggerFormModal = ({ open, trigger, ...props }: TriggerFormModalProps) => {
  const { formatMessage } = useIntl();
  const title = trigger
    ? formatMessage(messages.editTitle, { name: trigger.name })
    : formatMessage(messages.createTitle);
  return (
    <FormModal open={open} title={title} onClose={props.onClose}>
      <TriggerForm trigger={trigger} {...props} />
    </FormModal>
  );
};

/** The paths the form shows an error next to; the server's others go to the alert on top. */
const PLACED = [
  'key',
  'name',
  'contentType',
  'event',
  'enabled',
  'integration',
  'couponCode',
  'validityDays',
  'delivery',
  'channel',
  'mapping',
  'mapping.email',
  'mapping.phone',
  'mapping.firstName',
  'mapping.deliveryType',
  'condition',
  'condition.field',
  'condition.equals',
  'participationLimit',
  'limitPeriodHours',
];

/** A change clears the errors of its field (of every mapping slot for a mapping). */
const clears = (changed: string) => (path: string) =>
  path === changed ||
  (changed.startsWith('mapping') && path.startsWith('mapping')) ||
  (changed.startsWith('condition') && path.startsWith('condition'));

const TriggerForm = ({
  trigger,
  contentTypes,
  integrations,
  onSubmit,
  onClose,
}: Omit<TriggerFormModalProps, 'open'>) => {
  const { formatMessage } = useIntl();
  const editing = trigger !== null;
  const [draft, setDraft] = React.useState<TriggerDraft>(() => toDraft(trigger));
  const [clientErrors, setClientErrors] = React.useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = React.useState<Record<string, string>>({});
  const [generalError, setGeneralError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const contentType = contentTypes.find((type) => type.uid === draft.contentType);

  const without = (errors: Record<string, string>, path: string) =>
    Object.fromEntries(Object.entries(errors).filter(([key]) => !clears(path)(key)));
  const change = (patch: Partial<TriggerDraft>, path: string) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setClientErrors((previous) => without(previous, path));
    setServerErrors((previous) => without(previous, path));
  };
  const errorOf = (path: string) => clientErrors[path] ?? serverErrors[path];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (busy) return;
    const problems = checkDraft(draft, contentType, editing);
    setClientErrors(
      Object.fromEntries(
        Object.entries(problems).map(([path, problem]) => [path, formatMessage(messages[problem])])
      )
    );
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setGeneralError(null);
    setServerErrors({});
    try {
      await onSubmit(toBody(draft, contentType));
      onClose();
    } catch (error) {
      const byPath = fieldErrorsByPath(error);
      const unplaced = Object.entries(byPath).filter(([path]) => !PLACED.includes(path));
      setServerErrors(byPath);
      if (Object.keys(byPath).length === 0 || unplaced.length > 0) {
        setGeneralError(
          unplaced.length > 0
            ? unplaced.map(([, message]) => message).join(' ')
            : (toApiProblem(error).message ?? formatMessage(settingsMessages.genericError))
        );
      }
    } finally {
      setBusy(false);
    }
  };

  const shared = { draft, contentType, change, errorOf };
  const eventChoices = eventsFor(contentType).map((value) => ({
    value,
    label: formatMessage(
      value === 'publish' ? messages.eventPublishOption : messages.eventCreateOption
    ),
  }));

  return (
    <form onSubmit={submit} noValidate>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={5}>
          {generalError !== null ? (
            <Alert
              variant="danger"
              title={formatMessage(settingsMessages.saveError)}
              closeLabel={formatMessage(settingsMessages.close)}
              onClose={() => setGeneralError(null)}
            >
              {generalError}
            </Alert>
          ) : null}
          <TextField
            name="key"
            label={formatMessage(messages.fieldKey)}
            hint={formatMessage(editing ? messages.fieldKeyLocked : messages.fieldKeyHint)}
            value={draft.key}
            error={errorOf('key')}
            required={!editing}
            disabled={editing}
            onChange={(key) => change({ key }, 'key')}
            inputProps={{ maxLength: 40, spellCheck: false }}
          />
          <TextField
            name="name"
            label={formatMessage(messages.fieldName)}
            hint={formatMessage(messages.fieldNameHint)}
            value={draft.name}
            error={errorOf('name')}
            required
            onChange={(name) => change({ name }, 'name')}
            inputProps={{ maxLength: TRIGGER_NAME_MAX }}
          />
          <SelectField
            name="contentType"
            label={formatMessage(messages.fieldContentType)}
            hint={formatMessage(
              editing ? messages.fieldContentTypeLocked : messages.fieldContentTypeHint
            )}
            placeholder={formatMessage(messages.contentTypePlaceholder)}
            value={draft.contentType}
            choices={contentTypes.map((type) => ({ value: type.uid, label: type.displayName }))}
            error={errorOf('contentType')}
            required={!editing}
            disabled={editing}
            onChange={(uid) =>
              change(
                withContentType(
                  draft,
                  contentTypes.find((type) => type.uid === uid)
                ),
                'contentType'
              )
            }
          />
          <SelectField
            name="event"
            label={formatMessage(messages.fieldEvent)}
            hint={formatMessage(messages.fieldEventHint)}
            value={draft.event}
            choices={eventChoices}
            error={errorOf('event')}
            required
            onChange={(value) => change({ event: oneOf(TRIGGER_EVENTS, value, 'create') }, 'event')}
          />
          <Field.Root name="enabled" hint={formatMessage(messages.fieldEnabledHint)}>
            <Field.Label>{formatMessage(messages.fieldEnabled)}</Field.Label>
            <Toggle
              checked={draft.enabled}
              onLabel={formatMessage(messages.enabledOn)}
              offLabel={formatMessage(messages.enabledOff)}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                change({ enabled: event.target.checked }, 'enabled')
              }
            />
            <Field.Hint />
          </Field.Root>
          <Divider />
          <TriggerCouponFields {...shared} integrations={integrations} />
          <Divider />
          <TriggerMappingFields {...shared} />
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{formatMessage(settingsMessages.cancel)}</Button>
        </Modal.Close>
        <Button type="submit" loading={busy}>
          {formatMessage(editing ? settingsMessages.save : settingsMessages.create)}
        </Button>
      </Modal.Footer>
    </form>
  );
};
