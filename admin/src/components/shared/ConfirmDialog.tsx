import * as React from 'react';
import { Button, Dialog, Flex } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

export interface ConfirmDialogProps {
  title: string;
  /** What confirming does. */
  body: React.ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** The button that opens the dialog; or control it with `open` and `onOpenChange`. */
  trigger?: React.ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** `danger` (default): a red icon and a danger-light button; `warning`: amber, a plain button. */
  tone?: 'danger' | 'warning';
  /** Confirming leaves the dialog open: the caller closes it (e.g. once the server agreed). */
  keepOpen?: boolean;
  loading?: boolean;
  /** Shown under the body, e.g. why the server refused. */
  children?: React.ReactNode;
}

/** An alert dialog asking to confirm an action: Cancel, or the action. */
export const ConfirmDialog = ({
  title,
  body,
  cancelLabel,
  confirmLabel,
  onConfirm,
  trigger,
  open,
  onOpenChange,
  tone = 'danger',
  keepOpen = false,
  loading,
  children,
}: ConfirmDialogProps) => {
  const confirm = (
    <Button
      fullWidth
      variant={tone === 'danger' ? 'danger-light' : 'default'}
      loading={loading}
      onClick={onConfirm}
    >
      {confirmLabel}
    </Button>
  );
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <Dialog.Trigger>{trigger}</Dialog.Trigger> : null}
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill={tone === 'danger' ? 'danger600' : 'warning600'} />}>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Dialog.Description textAlign="center">{body}</Dialog.Description>
            {children}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {cancelLabel}
            </Button>
          </Dialog.Cancel>
          {keepOpen ? confirm : <Dialog.Action>{confirm}</Dialog.Action>}
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
