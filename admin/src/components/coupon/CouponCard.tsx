import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { CouponValue } from '../../utils/couponRules';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { messages } from './messages';

export interface CouponCardProps {
  value: CouponValue;
  integrationLabel: string;
  disabled?: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** The coupon inserted in an exit screen: its settings, Edit, and Delete behind a confirmation. */
export const CouponCard = ({
  value,
  integrationLabel,
  disabled,
  onEdit,
  onDelete,
}: CouponCardProps) => {
  const { formatMessage } = useIntl();

  const rows: { label: string; text: string }[] = [
    { label: formatMessage(messages.code), text: value.couponCode },
    {
      label: formatMessage(messages.validity),
      text: formatMessage(messages.validityValue, { days: value.validityDays }),
    },
    {
      label: formatMessage(messages.delivery),
      text: formatMessage(
        value.delivery === 'automatic' ? messages.deliveryAutomatic : messages.deliveryButton
      ),
    },
    { label: formatMessage(messages.integration), text: integrationLabel },
  ];

  return (
    <Box
      tag="section"
      aria-label={formatMessage(messages.cardTitle)}
      background="neutral0"
      borderColor="neutral200"
      hasRadius
      padding={4}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Box tag="dl">
          <Flex direction="column" alignItems="stretch" gap={2}>
            {rows.map((row) => (
              <Flex key={row.label} gap={2} wrap="wrap">
                <Typography tag="dt" variant="sigma" textColor="neutral600" minWidth="12rem">
                  {row.label}
                </Typography>
                <Typography tag="dd" variant="omega" textColor="neutral800">
                  {row.text}
                </Typography>
              </Flex>
            ))}
          </Flex>
        </Box>
        <Flex gap={2}>
          <Button
            variant="secondary"
            startIcon={<Pencil />}
            disabled={disabled}
            onClick={onEdit}
            aria-label={formatMessage(messages.editLabel, { code: value.couponCode })}
          >
            {formatMessage(messages.edit)}
          </Button>
          <ConfirmDialog
            trigger={
              <Button
                variant="danger-light"
                startIcon={<Trash />}
                disabled={disabled}
                aria-label={formatMessage(messages.deleteLabel, { code: value.couponCode })}
              >
                {formatMessage(messages.delete)}
              </Button>
            }
            title={formatMessage(messages.deleteTitle)}
            body={formatMessage(messages.deleteBody)}
            cancelLabel={formatMessage(messages.cancel)}
            confirmLabel={formatMessage(messages.delete)}
            onConfirm={onDelete}
          />
        </Flex>
      </Flex>
    </Box>
  );
};
