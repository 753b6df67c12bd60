import * as React from 'react';
import { Modal } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { messages } from './messages';

/**
 * The frame of a settings form in a modal. The form (body and footer) is mounted only while the
 * modal is open, so that each opening starts from the edited item's values.
 */
export const FormModal = ({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: React.ReactNode;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Modal.Root open={open} onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage(messages.close)}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        {open ? children : null}
      </Modal.Content>
    </Modal.Root>
  );
};
