import * as React from 'react';
import { Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { COUPON_CODE_MAX_LENGTH } from '../../../../shared/contracts/coupon-settings';
import { TRIGGER_CHANNELS, TRIGGER_PARTICIPATION_LIMITS } from '../../api/triggers';
import { defaultIntegrationLabel, integrationOptionLabel } from '../coupon/integrationLabel';
import type { IntegrationOption } from '../coupon/types';
import { RadioField, SelectField, TextField, type TriggerFieldsProps } from './TriggerFormFields';
import { oneOf } from './triggerForm';
import { triggerMessages as messages } from './triggerMessages';

const DELIVERIES = ['automatic', 'button'] as const;

/** The coupon of a trigger: code, validity, integration, delivery and channel, and the limit. */
export const TriggerCouponFields = ({
  draft,
  change,
  errorOf,
  integrations,
}: TriggerFieldsProps & { integrations: IntegrationOption[] }) => {
  const { formatMessage } = useIntl();
  const ids = `clearon-trigger-${React.useId().replace(/:/g, '')}`;
  // A stored integration that is no longer listed is still shown (by its id).
  const integrationChoices = integrations.map((integration) => ({
    value: integration.id,
    label: integrationOptionLabel(formatMessage, integration),
  }));
  if (draft.integration && !integrations.some((item) => item.id === draft.integration)) {
    integrationChoices.push({ value: draft.integration, label: draft.integration });
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <TextField
        name="couponCode"
        label={formatMessage(messages.fieldCouponCode)}
        hint={formatMessage(messages.fieldCouponCodeHint)}
        value={draft.couponCode}
        error={errorOf('couponCode')}
        required
        onChange={(couponCode) => change({ couponCode }, 'couponCode')}
        inputProps={{ maxLength: COUPON_CODE_MAX_LENGTH, spellCheck: false }}
      />
      <TextField
        name="validityDays"
        label={formatMessage(messages.fieldValidity)}
        hint={formatMessage(messages.fieldValidityHint)}
        value={draft.validityDays}
        error={errorOf('validityDays')}
        required
        onChange={(validityDays) => change({ validityDays }, 'validityDays')}
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
        id={`${ids}-delivery`}
        label={formatMessage(messages.fieldDelivery)}
        value={draft.delivery}
        error={errorOf('delivery')}
        choices={[
          {
            value: 'automatic',
            label: formatMessage(messages.deliveryAutomatic),
            hint: formatMessage(messages.deliveryAutomaticHint),
          },
          {
            value: 'button',
            label: formatMessage(messages.deliveryButton),
            hint: formatMessage(messages.deliveryButtonHint),
          },
        ]}
        onChange={(delivery) =>
          change({ delivery: oneOf(DELIVERIES, delivery, 'automatic') }, 'delivery')
        }
      />
      {draft.delivery === 'automatic' ? (
        <RadioField
          id={`${ids}-channel`}
          label={formatMessage(messages.fieldChannel)}
          value={draft.channel}
          error={errorOf('channel')}
          choices={[
            { value: 'email', label: formatMessage(messages.channelEmailOption) },
            { value: 'sms', label: formatMessage(messages.channelSmsOption) },
            { value: 'entry', label: formatMessage(messages.channelEntryOption) },
          ]}
          onChange={(channel) =>
            change({ channel: oneOf(TRIGGER_CHANNELS, channel, 'entry') }, 'channel')
          }
        />
      ) : null}
      <RadioField
        id={`${ids}-limit`}
        label={formatMessage(messages.fieldLimit)}
        hint={formatMessage(messages.fieldLimitHint)}
        value={draft.participationLimit}
        error={errorOf('participationLimit')}
        choices={[
          { value: 'once', label: formatMessage(messages.limitOnce) },
          { value: 'oncePerPeriod', label: formatMessage(messages.limitPeriod) },
          { value: 'unlimited', label: formatMessage(messages.limitUnlimited) },
        ]}
        onChange={(limit) =>
          change(
            { participationLimit: oneOf(TRIGGER_PARTICIPATION_LIMITS, limit, 'once') },
            'participationLimit'
          )
        }
      />
      {draft.participationLimit === 'oncePerPeriod' ? (
        <TextField
          name="limitPeriodHours"
          label={formatMessage(messages.fieldPeriod)}
          value={draft.limitPeriodHours}
          error={errorOf('limitPeriodHours')}
          required
          onChange={(limitPeriodHours) => change({ limitPeriodHours }, 'limitPeriodHours')}
          inputProps={{ inputMode: 'numeric' }}
        />
      ) : null}
    </Flex>
  );
};
