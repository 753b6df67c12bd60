import * as React from 'react';
import { Box, Button, Modal } from '@strapi/design-system';

/**
 * A form in a modal. The body and footer (`children`) are mounted only while the modal is open, so
 * that each opening starts afresh (from the edited item's values).
 */
export const FormModal = ({
  open,
  title,
  closeLabel,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  /** The header's close button's name. */
  closeLabel: string;
  onClose: () => void;
  children: React.ReactNode;
}) => (
  <Modal.Root open={open} onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}>
    <Modal.Content aria-describedby={undefined}>
      <Modal.Header closeLabel={closeLabel}>
        <Modal.Title>{title}</Modal.Title>
      </Modal.Header>
      {open ? children : null}
    </Modal.Content>
  </Modal.Root>
);

export interface ModalFooterProps {
  /** The left button, which closes the modal. */
  cancelLabel: string;
  /** The right button. */
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
  startIcon?: React.ReactNode;
  /** Runs on click; without it the button submits the modal's form. */
  onSubmit?: () => void;
}

/** A modal's footer: Cancel (closes) on the left, the action on the right. */
export const ModalFooter = ({
  cancelLabel,
  submitLabel,
  loading,
  disabled,
  startIcon,
  onSubmit,
}: ModalFooterProps) => (
  <Modal.Footer>
    <Modal.Close>
      <Button variant="tertiary">{cancelLabel}</Button>
    </Modal.Close>
    <Box>
      <Button
        type={onSubmit ? 'button' : 'submit'}
        startIcon={startIcon}
        loading={loading}
        disabled={disabled}
        onClick={onSubmit}
      >
        {submitLabel}
      </Button>
    </Box>
  </Modal.Footer>
);
