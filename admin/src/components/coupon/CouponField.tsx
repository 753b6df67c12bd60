import * as React from 'react';
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Plus, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { CustomFieldLayoutProps } from '../shared/fieldProps';

import {
  couponEligibility,
  readCouponValue,
  type CampaignSnapshot,
  type CouponValue,
  type EligibilityReason,
} from '../../utils/couponRules';
import { CouponCard } from './CouponCard';
import { CouponModal } from './CouponModal';
import { storedIntegrationLabel } from './integrationLabel';
import { messages } from './messages';
import type { CouponChangeEvent, IntegrationOption, IntegrationsStatus } from './types';

export interface CouponFieldProps extends CustomFieldLayoutProps {
  /** The field's path in the form, e.g. `exitScreens.0.coupon`. */
  name: string;
  /** The stored value: `null` (no coupon) or a {@link CouponValue}. */
  value: unknown;
  onChange: (event: CouponChangeEvent) => void;
  /** The campaign being edited (its live form values), for the eligibility checks. */
  campaign: CampaignSnapshot;
  integrations: IntegrationOption[];
  integrationsStatus?: IntegrationsStatus;
}

const REASON_MESSAGES: Record<EligibilityReason, (typeof messages)[keyof typeof messages]> = {
  mode: messages.reasonMode,
  contact: messages.reasonContact,
};

/**
 * The exit screen's coupon: the "Insert a ClearOn coupon" button (only when the campaign is
 * eligible, otherwise the failing checks), or the inserted coupon with Edit and Delete.
 * Pure UI: everything it needs comes in through props.
 */
export const CouponField = ({
  name,
  value,
  onChange,
  campaign,
  integrations,
  integrationsStatus = 'ready',
  label,
  labelAction,
  disabled,
  // hint, error, required: the Field's.
  ...field
}: CouponFieldProps) => {
  const { formatMessage } = useIntl();
  const coupon = readCouponValue(value);
  const { eligible, reasons } = couponEligibility(campaign);
  const [modalOpen, setModalOpen] = React.useState(false);
  const reasonsId = `${React.useId().replace(/:/g, '')}-reasons`;

  const emit = (next: CouponValue | null) =>
    onChange({ target: { name, value: next, type: 'json' } });

  const reasonList =
    reasons.length > 0 ? (
      <Box id={reasonsId}>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(coupon ? messages.blocked : messages.unavailable)}
        </Typography>
        <Box tag="ul" paddingTop={1}>
          {reasons.map((reason) => (
            <Flex key={reason} tag="li" gap={2} alignItems="center">
              <WarningCircle fill="warning600" aria-hidden />
              <Typography variant="omega" textColor="neutral800">
                {formatMessage(REASON_MESSAGES[reason])}
              </Typography>
            </Flex>
          ))}
        </Box>
      </Box>
    ) : null;

  return (
    <Field.Root name={name} {...field}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Field.Label action={labelAction}>{label ?? formatMessage(messages.cardTitle)}</Field.Label>
        {coupon ? (
          <CouponCard
            value={coupon}
            disabled={disabled}
            integrationLabel={storedIntegrationLabel(
              formatMessage,
              integrations,
              coupon.integration,
              integrationsStatus === 'loading'
            )}
            onEdit={() => setModalOpen(true)}
            onDelete={() => emit(null)}
          />
        ) : (
          <Box>
            <Button
              variant="secondary"
              startIcon={<Plus />}
              disabled={disabled || !eligible}
              aria-describedby={reasons.length > 0 ? reasonsId : undefined}
              onClick={() => setModalOpen(true)}
            >
              {formatMessage(messages.insert)}
            </Button>
          </Box>
        )}
        {reasonList}
        <Field.Hint />
        <Field.Error />
      </Flex>
      <CouponModal
        open={modalOpen}
        initialValue={coupon}
        integrations={integrations}
        integrationsStatus={integrationsStatus}
        onClose={() => setModalOpen(false)}
        onSubmit={(next) => {
          emit(next);
          setModalOpen(false);
        }}
      />
    </Field.Root>
  );
};
