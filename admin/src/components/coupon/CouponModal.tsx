import * as React from 'react';
import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Modal,
  Radio,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import {
  parseValidityDays,
  validateCouponCode,
  validateValidityDays,
  type CouponDelivery,
  type CouponValue,
} from '../../utils/couponRules';
import { defaultIntegrationLabel, integrationOptionLabel } from './integrationLabel';
import { messages } from './messages';
import type { IntegrationOption, IntegrationsStatus } from './types';

/** The select's value for "the default integration" (stored as `integration: null`). */
const DEFAULT_INTEGRATION = '__default__';

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
  const title = formatMessage(initialValue ? messages.modalEditTitle : messages.modalInsertTitle);

  return (
    <Modal.Root open={open} onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}>
      <Modal.Content aria-describedby={undefined}>
        <Modal.Header closeLabel={formatMessage(messages.close)}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        {/* Mounted only while open, so each opening starts from `initialValue`. */}
        {open ? <CouponForm initialValue={initialValue} {...rest} /> : null}
      </Modal.Content>
    </Modal.Root>
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
  integration: value?.integration ?? DEFAULT_INTEGRATION,
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
  const ids = `clearon-coupon-${React.useId().replace(/:/g, '')}`;
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
      integration: draft.integration === DEFAULT_INTEGRATION ? null : draft.integration,
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
    draft.integration !== DEFAULT_INTEGRATION &&
    integrationsStatus !== 'loading' &&
    !integrations.some((integration) => integration.id === draft.integration);
  const selected =
    draft.integration === DEFAULT_INTEGRATION
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

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {initialValue ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(messages.editNote)}
            </Typography>
          ) : null}

          <Field.Root
            name="couponCode"
            error={codeMessage}
            hint={formatMessage(messages.codeHint)}
            required
          >
            <Field.Label>{formatMessage(messages.code)}</Field.Label>
            <TextInput
              ref={codeRef}
              value={draft.couponCode}
              autoComplete="off"
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                update('couponCode', event.target.value)
              }
              onKeyDown={submitOnEnter}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>

          <Field.Root
            name="validityDays"
            error={validityMessage}
            hint={formatMessage(messages.validityHint)}
            required
          >
            <Field.Label>{formatMessage(messages.validity)}</Field.Label>
            <TextInput
              ref={validityRef}
              value={draft.validityDays}
              inputMode="numeric"
              autoComplete="off"
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                update('validityDays', event.target.value)
              }
              onKeyDown={submitOnEnter}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>

          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography id={`${ids}-delivery`} variant="pi" fontWeight="bold">
              {formatMessage(messages.delivery)}
            </Typography>
            <Radio.Group
              aria-labelledby={`${ids}-delivery`}
              value={draft.delivery}
              onValueChange={(value) => {
                update('delivery', value as CouponDelivery);
                setAlertDismissed(false);
              }}
            >
              {DELIVERIES.map(({ value, label, hint }) => (
                <Flex key={value} direction="column" alignItems="stretch" gap={1}>
                  <Radio.Item value={value} aria-describedby={`${ids}-${value}-hint`}>
                    {formatMessage(label)}
                  </Radio.Item>
                  <Box paddingLeft={6}>
                    <Typography id={`${ids}-${value}-hint`} variant="pi" textColor="neutral600">
                      {formatMessage(hint)}
                    </Typography>
                  </Box>
                </Flex>
              ))}
            </Radio.Group>
            {draft.delivery === 'automatic' && !alertDismissed ? (
              <Alert
                variant="default"
                closeLabel={formatMessage(messages.close)}
                onClose={() => setAlertDismissed(true)}
              >
                {formatMessage(messages.automaticAlert)}
              </Alert>
            ) : null}
          </Flex>

          <Field.Root name="integration" hint={integrationHint}>
            <Field.Label>{formatMessage(messages.integration)}</Field.Label>
            <SingleSelect
              value={draft.integration}
              loading={integrationsStatus === 'loading'}
              onChange={(value) => update('integration', String(value))}
            >
              <SingleSelectOption value={DEFAULT_INTEGRATION}>
                {defaultIntegrationLabel(formatMessage, integrations)}
              </SingleSelectOption>
              {integrations.map((integration) => (
                <SingleSelectOption key={integration.id} value={integration.id}>
                  {integrationOptionLabel(formatMessage, integration)}
                </SingleSelectOption>
              ))}
              {storedIntegrationMissing ? (
                <SingleSelectOption value={draft.integration}>
                  {formatMessage(messages.integrationUnknown)}
                </SingleSelectOption>
              ) : null}
            </SingleSelect>
            <Field.Hint />
          </Field.Root>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{formatMessage(messages.cancel)}</Button>
        </Modal.Close>
        <Box>
          <Button onClick={submit}>
            {formatMessage(initialValue ? messages.save : messages.insertAction)}
          </Button>
        </Box>
      </Modal.Footer>
    </>
  );
};
