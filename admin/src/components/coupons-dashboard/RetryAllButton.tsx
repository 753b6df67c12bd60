import { Button } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { ConfirmDialog } from '../shared/ConfirmDialog';
import { messages } from './messages';

export interface RetryAllButtonProps {
  /** Failed and dead coupons matching the filters. */
  count: number;
  busy: boolean;
  onConfirm: () => void;
}

/** "Retry all failed" for the current filters, behind a confirmation. */
export const RetryAllButton = ({ count, busy, onConfirm }: RetryAllButtonProps) => {
  const { formatMessage } = useIntl();
  return (
    <ConfirmDialog
      tone="warning"
      title={formatMessage(messages.retryAllTitle)}
      body={formatMessage(messages.retryAllBody, { count })}
      cancelLabel={formatMessage(messages.cancel)}
      confirmLabel={formatMessage(messages.retryAllConfirm)}
      onConfirm={onConfirm}
      trigger={
        <Button
          variant="secondary"
          startIcon={<ArrowClockwise />}
          disabled={count === 0}
          loading={busy}
        >
          {formatMessage(messages.retryAll)}
        </Button>
      }
    />
  );
};
