import * as React from 'react';
import { Alert, Flex, Modal } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import {
  parseValidityDays,
  validateCouponCode,
  validateValidityDays,
  type CouponDelivery,
  type CouponValue,
} from '../../utils/couponRules';
import { RadioField, SelectField, TextField, useFieldIds } from '../shared/FormFields';
import { FormModal, ModalFooter } from '../shared/FormModal';
import { Note } from '../shared/Note';
import { defaultIntegrationLabel, integrationOptionLabel } from './integrationLabel';
import { messages } from './messages';
import type { IntegrationOption, IntegrationsStatus } from './types';

export interface CouponModalProps {
  open: boolean;
  /** The coupon being edited, or `null` to insert a new one. */
  initialValue: CouponValue | null;
  integrations: IntegrationOption[];
  integrationsStatus: IntegrationsStatus;
  onSubmit: (value: CouponValue) => void;
  onClose: () => void;
}

/** The "Insert a ClearOn coupon" modal; it validates everything before handing a value back. */
export const CouponModal = ({ open, onClose, initialValue, ...rest }: CouponModalProps) => {
  const { formatMessage } = useIntl();
  return (
    <FormModal
      open={open}
      title={formatMessage(initialValue ? messages.modalEditTitle : messages.modalInsertTitle)}
      closeLabel={formatMessage(messages.close)}
      onClose={onClose}
    >
      <CouponForm initialValue={initialValue} {...rest} />
    </FormModal>
  );
};

const DELIVERIES = [
  {
    value: 'automatic',
    label: messages.deliveryAutomatic,
    hint: messages.deliveryAutomaticHint,
  },
  { value: 'button', label: messages.deliveryButton, hint: messages.deliveryButtonHint },
] as const;

interface Draft {
  couponCode: string;
  validityDays: string;
  delivery: CouponDelivery;
  integration: string;
}

const toDraft = (value: CouponValue | null): Draft => ({
  couponCode: value?.couponCode ?? '',
  validityDays: value ? String(value.validityDays) : '',
  delivery: value?.delivery ?? 'button',
  /** '' = the default integration (stored as `integration: null`). */
  integration: value?.integration ?? '',
});

type CouponFormProps = Omit<CouponModalProps, 'open' | 'onClose'>;

const CouponForm = ({
  initialValue,
  integrations,
  integrationsStatus,
  onSubmit,
}: CouponFormProps) => {
  const { formatMessage } = useIntl();
  const [draft, setDraft] = React.useState<Draft>(() => toDraft(initialValue));
  const [showErrors, setShowErrors] = React.useState(false);
  const [alertDismissed, setAlertDismissed] = React.useState(false);
  const ids = useFieldIds('clearon-coupon');
  const codeRef = React.useRef<HTMLInputElement>(null);
  const validityRef = React.useRef<HTMLInputElement>(null);

  const codeError = validateCouponCode(draft.couponCode);
  const validityError = validateValidityDays(draft.validityDays);

  const codeMessage =
    showErrors && codeError
      ? formatMessage(codeError === 'required' ? messages.codeRequired : messages.codeTooLong)
      : undefined;
  const validityMessage =
    showErrors && validityError
      ? formatMessage(
          {
            required: messages.validityRequired,
            notWholeNumber: messages.validityNotWhole,
            outOfRange: messages.validityRange,
          }[validityError]
        )
      : undefined;

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = () => {
    if (codeError || validityError) {
      setShowErrors(true);
      (codeError ? codeRef : validityRef).current?.focus();
      return;
    }
    onSubmit({
      integration: draft.integration || null,
      couponCode: draft.couponCode.trim(),
      validityDays: parseValidityDays(draft.validityDays),
      delivery: draft.delivery,
    });
  };

  // There is no <form> here: the modal is portalled but still inside the Content Manager's form in
  // React's tree, so a submit event would bubble up and save the document. Enter submits instead.
  const submitOnEnter = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  };

  const storedIntegrationMissing =
    draft.integration !== '' &&
    integrationsStatus !== 'loading' &&
    !integrations.some((integration) => integration.id === draft.integration);
  const selected =
    draft.integration === ''
      ? integrations.find((integration) => integration.isDefault)
      : integrations.find((integration) => integration.id === draft.integration);
  const integrationHint =
    integrationsStatus === 'error'
      ? formatMessage(messages.integrationLoadError)
      : integrationsStatus === 'ready' && integrations.length === 0
        ? formatMessage(messages.integrationNone)
        : selected && !selected.enabled
          ? formatMessage(messages.integrationDisabledWarning)
          : undefined;

  /** A required text field of the draft; Enter submits. */
  const textField = (
    key: 'couponCode' | 'validityDays',
    ref: React.RefObject<HTMLInputElement>
  ) => ({
    name: key,
    value: draft[key],
    required: true,
    onChange: (value: string) => update(key, value),
    inputRef: ref,
    inputProps: { onKeyDown: submitOnEnter },
  });
  const integrationChoices = integrations.map((integration) => ({
    value: integration.id,
    label: integrationOptionLabel(formatMessage, integration),
  }));
  if (storedIntegrationMissing) {
    integrationChoices.push({
      value: draft.integration,
      label: formatMessage(messages.integrationUnknown),
    });
  }

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {initialValue ? <Note>{formatMessage(messages.editNote)}</Note> : null}
          <TextField
            {...textField('couponCode', codeRef)}
            label={formatMessage(messages.code)}
            hint={formatMessage(messages.codeHint)}
            error={codeMessage}
          />
          <TextField
            {...textField('validityDays', validityRef)}
            label={formatMessage(messages.validity)}
            hint={formatMessage(messages.validityHint)}
            error={validityMessage}
            inputProps={{ inputMode: 'numeric', onKeyDown: submitOnEnter }}
          />
          <RadioField
            id={`${ids}-delivery`}
            label={formatMessage(messages.delivery)}
            value={draft.delivery}
            choices={DELIVERIES.map(({ value, label, hint }) => ({
              value,
              label: formatMessage(label),
              hint: formatMessage(hint),
            }))}
            onChange={(value) => {
              update('delivery', value as CouponDelivery);
              setAlertDismissed(false);
            }}
          >
            {draft.delivery === 'automatic' && !alertDismissed ? (
              <Alert
                variant="default"
                closeLabel={formatMessage(messages.close)}
                onClose={() => setAlertDismissed(true)}
              >
                {formatMessage(messages.automaticAlert)}
              </Alert>
            ) : null}
          </RadioField>
          <SelectField
            name="integration"
            label={formatMessage(messages.integration)}
            hint={integrationHint}
            value={draft.integration}
            noneLabel={defaultIntegrationLabel(formatMessage, integrations)}
            choices={integrationChoices}
            loading={integrationsStatus === 'loading'}
            onChange={(integration) => update('integration', integration)}
          />
        </Flex>
      </Modal.Body>
      <ModalFooter
        cancelLabel={formatMessage(messages.cancel)}
        submitLabel={formatMessage(initialValue ? messages.save : messages.insertAction)}
        onSubmit={submit}
      />
    </>
  );
};
