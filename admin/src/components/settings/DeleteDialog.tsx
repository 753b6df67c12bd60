import * as React from 'react';
import { Alert, Button, Dialog, Flex } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { messages } from './messages';

export interface DeleteDialogProps {
  open: boolean;
  title: string;
  body: string;
  /**
   * Deletes; resolves when done (the dialog closes), otherwise rejects with an Error whose message
   * is shown (and whose optional `title` heads it).
   */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** An error to show in the dialog as it is. */
export const deleteRefusal = (message: string, title?: string) =>
  Object.assign(new Error(message), { title });

/**
 * A delete confirmation that stays open when the server refuses (e.g. a 409 naming the campaigns
 * that still use a mapping variable) and shows why.
 */
export const DeleteDialog = ({ open, title, body, onConfirm, onClose }: DeleteDialogProps) => {
  const { formatMessage } = useIntl();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<{ message: string; title?: string } | null>(null);

  React.useEffect(() => {
    if (open) {
      setError(null);
      setBusy(false);
    }
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError({
        message:
          caught instanceof Error && caught.message
            ? caught.message
            : formatMessage(messages.genericError),
        title: (caught as { title?: string } | null)?.title,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Dialog.Description textAlign="center">{body}</Dialog.Description>
            {error ? (
              <Alert
                variant="danger"
                title={error.title ?? formatMessage(messages.deleteError)}
                closeLabel={formatMessage(messages.close)}
                onClose={() => setError(null)}
              >
                {error.message}
              </Alert>
            ) : null}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {formatMessage(messages.cancel)}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant="danger-light" loading={busy} onClick={confirm}>
            {formatMessage(messages.delete)}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
