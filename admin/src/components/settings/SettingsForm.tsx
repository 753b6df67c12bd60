import * as React from 'react';
import { Alert, Flex, Modal } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { ToggleField } from '../shared/FormFields';
import { FormModal, ModalFooter } from '../shared/FormModal';
import type { ModalForm } from '../shared/useModalForm';
import { messages } from './messages';

/** A settings form's modal: the header's close button is named "Close". */
export const SettingsFormModal = (
  props: Omit<React.ComponentProps<typeof FormModal>, 'closeLabel'>
) => {
  const { formatMessage } = useIntl();
  return <FormModal closeLabel={formatMessage(messages.close)} {...props} />;
};

export interface SettingsFormProps {
  /** The form's state (useModalForm): its submit, busy flag, and the error no field shows. */
  form: ModalForm;
  /** The alert's title (by default "This could not be saved"). */
  errorTitle?: string;
  /** The right button's text; by default Save when `editing`, otherwise Create. */
  submitLabel?: string;
  editing?: boolean;
  /** The left button's text (by default Cancel). */
  cancelLabel?: string;
  children: React.ReactNode;
}

/** The body and footer of a settings form in a modal: its error alert, its fields, its buttons. */
export const SettingsForm = ({
  form,
  errorTitle,
  submitLabel,
  editing = false,
  cancelLabel,
  children,
}: SettingsFormProps) => {
  const { formatMessage } = useIntl();
  const { generalError } = form;
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={5}>
          {generalError !== null ? (
            <Alert
              variant="danger"
              title={errorTitle ?? formatMessage(messages.saveError)}
              closeLabel={formatMessage(messages.close)}
              onClose={form.dismissGeneralError}
            >
              {generalError}
            </Alert>
          ) : null}
          {children}
        </Flex>
      </Modal.Body>
      <ModalFooter
        cancelLabel={cancelLabel ?? formatMessage(messages.cancel)}
        submitLabel={submitLabel ?? formatMessage(editing ? messages.save : messages.create)}
        loading={form.busy}
      />
    </form>
  );
};

/** The "Enabled" switch of a settings form. */
export const EnabledField = ({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) => {
  const { formatMessage } = useIntl();
  return (
    <ToggleField
      name="enabled"
      label={label}
      hint={hint}
      checked={checked}
      onLabel={formatMessage(messages.enabledOn)}
      offLabel={formatMessage(messages.enabledOff)}
      onChange={onChange}
    />
  );
};
