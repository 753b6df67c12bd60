import * as React from 'react';
import { Button, Dialog } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';

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
  const [open, setOpen] = React.useState(false);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button
          variant="secondary"
          startIcon={<ArrowClockwise />}
          disabled={count === 0}
          loading={busy}
        >
          {formatMessage(messages.retryAll)}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{formatMessage(messages.retryAllTitle)}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="warning600" />}>
          <Dialog.Description>{formatMessage(messages.retryAllBody, { count })}</Dialog.Description>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {formatMessage(messages.cancel)}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="default" onClick={onConfirm}>
              {formatMessage(messages.retryAllConfirm)}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
