import { Flex } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { COUPON_CODE_MAX_LENGTH } from '../../../../shared/contracts/coupon-settings';
import { defaultIntegrationLabel, integrationOptionLabel } from '../coupon/integrationLabel';
import type { IntegrationOption } from '../coupon/types';
import { RadioField, SelectField, TextField, useFieldIds } from '../shared/FormFields';
import { oneOf, type TriggerDraft, type TriggerFieldsProps } from './triggerForm';
import { triggerMessages as messages } from './triggerMessages';

type RadioKey = 'delivery' | 'channel' | 'participationLimit';
type Labels<K extends RadioKey> = Record<TriggerDraft[K], MessageDescriptor>;

const DELIVERIES: Labels<'delivery'> = {
  automatic: messages.deliveryAutomatic,
  button: messages.deliveryButton,
};
const DELIVERY_HINTS: Labels<'delivery'> = {
  automatic: messages.deliveryAutomaticHint,
  button: messages.deliveryButtonHint,
};
const CHANNELS: Labels<'channel'> = {
  email: messages.channelEmailOption,
  sms: messages.channelSmsOption,
  entry: messages.channelEntryOption,
};
const LIMITS: Labels<'participationLimit'> = {
  once: messages.limitOnce,
  oncePerPeriod: messages.limitPeriod,
  unlimited: messages.limitUnlimited,
};

/** The coupon of a trigger: code, validity, integration, delivery and channel, and the limit. */
export const TriggerCouponFields = ({
  draft,
  change,
  errorOf,
  field,
  integrations,
}: TriggerFieldsProps & { integrations: IntegrationOption[] }) => {
  const { formatMessage } = useIntl();
  const ids = useFieldIds('clearon-trigger');
  // A stored integration that is no longer listed is still shown (by its id).
  const integrationChoices = integrations.map((integration) => ({
    value: integration.id,
    label: integrationOptionLabel(formatMessage, integration),
  }));
  if (draft.integration && !integrations.some((item) => item.id === draft.integration)) {
    integrationChoices.push({ value: draft.integration, label: draft.integration });
  }

  /** A radio group of the draft's `key`, a choice per label (and its hint, if any). */
  const radio = <K extends RadioKey>(key: K, labels: Labels<K>, hints?: Labels<K>) => {
    const values = Object.keys(labels) as Array<TriggerDraft[K]>;
    return {
      id: `${ids}-${key}`,
      value: draft[key],
      error: errorOf(key),
      choices: values.map((value) => ({
        value,
        label: formatMessage(labels[value]),
        hint: hints ? formatMessage(hints[value]) : undefined,
      })),
      onChange: (value: string) =>
        change({ [key]: oneOf(values, value, draft[key]) } as Partial<TriggerDraft>, key),
    };
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <TextField
        {...field('couponCode')}
        label={formatMessage(messages.fieldCouponCode)}
        hint={formatMessage(messages.fieldCouponCodeHint)}
        required
        inputProps={{ maxLength: COUPON_CODE_MAX_LENGTH, spellCheck: false }}
      />
      <TextField
        {...field('validityDays')}
        label={formatMessage(messages.fieldValidity)}
        hint={formatMessage(messages.fieldValidityHint)}
        required
        inputProps={{ inputMode: 'numeric' }}
      />
      <SelectField
        name="integration"
        label={formatMessage(messages.fieldIntegration)}
        value={draft.integration}
        noneLabel={defaultIntegrationLabel(formatMessage, integrations)}
        choices={integrationChoices}
        error={errorOf('integration')}
        onChange={(integration) => change({ integration }, 'integration')}
      />
      <RadioField
        {...radio('delivery', DELIVERIES, DELIVERY_HINTS)}
        label={formatMessage(messages.fieldDelivery)}
      />
      {draft.delivery === 'automatic' ? (
        <RadioField {...radio('channel', CHANNELS)} label={formatMessage(messages.fieldChannel)} />
      ) : null}
      <RadioField
        {...radio('participationLimit', LIMITS)}
        label={formatMessage(messages.fieldLimit)}
        hint={formatMessage(messages.fieldLimitHint)}
      />
      {draft.participationLimit === 'oncePerPeriod' ? (
        <TextField
          {...field('limitPeriodHours')}
          label={formatMessage(messages.fieldPeriod)}
          required
          inputProps={{ inputMode: 'numeric' }}
        />
      ) : null}
    </Flex>
  );
};
