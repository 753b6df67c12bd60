import { Divider } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import {
  TRIGGER_EVENTS,
  TRIGGER_NAME_MAX,
  type Trigger,
  type TriggerContentType,
  type TriggerInput,
} from '../../../../shared/contracts/triggers';
import type { IntegrationOption } from '../coupon/types';
import { SelectField, TextField } from '../shared/FormFields';
import { useModalForm } from '../shared/useModalForm';
import { messages as settingsMessages } from './messages';
import { EnabledField, SettingsForm } from './SettingsForm';
import type { CrudFormProps } from './useSettingsCrud';
import {
  checkDraft,
  eventsFor,
  oneOf,
  toBody,
  toDraft,
  withContentType,
  type TriggerDraft,
} from './triggerForm';
import { TriggerCouponFields } from './TriggerCouponFields';
import { TriggerMappingFields } from './TriggerMappingFields';
import { triggerMessages as messages } from './triggerMessages';

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
const clears = (changed: string, path: string) =>
  path === changed ||
  (changed.startsWith('mapping') && path.startsWith('mapping')) ||
  (changed.startsWith('condition') && path.startsWith('condition'));

/** Create a coupon trigger, or edit one (its key and content type are fixed). */
export const TriggerForm = ({
  item: trigger,
  contentTypes,
  integrations,
  onSubmit,
  onClose,
}: CrudFormProps<Trigger, TriggerInput> & {
  /** The app's collection types (`GET /clearon/triggers/content-types`). */
  contentTypes: TriggerContentType[];
  integrations: IntegrationOption[];
}) => {
  const { formatMessage } = useIntl();
  const editing = trigger !== null;
  const typeOf = (uid: string) => contentTypes.find((type) => type.uid === uid);
  const form = useModalForm<TriggerDraft>({
    initial: () => toDraft(trigger),
    placed: PLACED,
    clears,
    fallbackMessage: formatMessage(settingsMessages.genericError),
    check: (draft) =>
      Object.fromEntries(
        Object.entries(checkDraft(draft, typeOf(draft.contentType), editing)).map(
          ([path, problem]) => [path, formatMessage(messages[problem])]
        )
      ),
    send: async (draft) => {
      await onSubmit(toBody(draft, typeOf(draft.contentType)));
      onClose();
    },
  });
  const { draft, change, errorOf, field } = form;
  const contentType = typeOf(draft.contentType);
  const shared = { draft, contentType, change, errorOf, field };
  const eventChoices = eventsFor(contentType).map((value) => ({
    value,
    label: formatMessage(
      value === 'publish' ? messages.eventPublishOption : messages.eventCreateOption
    ),
  }));

  return (
    <SettingsForm form={form} editing={editing}>
      <TextField
        {...field('key')}
        label={formatMessage(messages.fieldKey)}
        hint={formatMessage(editing ? messages.fieldKeyLocked : messages.fieldKeyHint)}
        required={!editing}
        disabled={editing}
        inputProps={{ maxLength: 40, spellCheck: false }}
      />
      <TextField
        {...field('name')}
        label={formatMessage(messages.fieldName)}
        hint={formatMessage(messages.fieldNameHint)}
        required
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
        onChange={(uid) => change(withContentType(draft, typeOf(uid)), 'contentType')}
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
      <EnabledField
        label={formatMessage(messages.fieldEnabled)}
        hint={formatMessage(messages.fieldEnabledHint)}
        checked={draft.enabled}
        onChange={(enabled) => change({ enabled }, 'enabled')}
      />
      <Divider />
      <TriggerCouponFields {...shared} integrations={integrations} />
      <Divider />
      <TriggerMappingFields {...shared} />
    </SettingsForm>
  );
};
