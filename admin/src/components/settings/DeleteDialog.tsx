import * as React from 'react';
import { Alert } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { ConfirmDialog } from '../shared/ConfirmDialog';
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
    <ConfirmDialog
      open={open}
      onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}
      title={title}
      body={body}
      cancelLabel={formatMessage(messages.cancel)}
      confirmLabel={formatMessage(messages.delete)}
      onConfirm={() => void confirm()}
      keepOpen
      loading={busy}
    >
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
    </ConfirmDialog>
  );
};
