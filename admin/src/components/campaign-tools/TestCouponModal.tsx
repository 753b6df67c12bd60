import * as React from 'react';
import { Alert, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { FormModal, ModalFooter } from '../shared/FormModal';
import { RadioField, SelectField, TextField, useFieldIds } from '../shared/FormFields';
import { AnswerAlert } from './AnswerAlert';
import { messages } from './messages';
import { htmlToText, type Channel, type toRequest } from './testCouponRules';
import type { PreviewExitScreen, TestCouponAnswer } from './types';
import { useTestCouponForm } from './useTestCouponForm';

export interface TestCouponModalProps {
  open: boolean;
  onClose: () => void;
  /** The saved campaign's exit screens (those without a coupon are not offered). */
  screens: PreviewExitScreen[];
  screensStatus: 'loading' | 'ready' | 'error';
  /** Sends the request; resolves with ClearOn's answer, the fields the server refused, or an error. */
  onSend: (request: ReturnType<typeof toRequest>) => Promise<TestCouponAnswer>;
}

/** "Send a test coupon": exit screen, email or phone, Send, then ClearOn's answer in an Alert. */
export const TestCouponModal = ({ open, onClose, ...rest }: TestCouponModalProps) => {
  const { formatMessage } = useIntl();
  return (
    <FormModal
      open={open}
      title={formatMessage(messages.testTitle)}
      closeLabel={formatMessage(messages.close)}
      onClose={onClose}
    >
      <TestCouponForm {...rest} />
    </FormModal>
  );
};

/** The email or the phone number, as the channel asks (Enter sends). */
const CONTACT = {
  email: { name: 'email', label: messages.email, hint: undefined, type: 'email' },
  sms: { name: 'phone', label: messages.phone, hint: messages.phoneHint, type: 'tel' },
} as const;

type FormProps = Omit<TestCouponModalProps, 'open' | 'onClose'>;

const TestCouponForm = ({ screens, screensStatus, onSend }: FormProps) => {
  const { formatMessage } = useIntl();
  const withCoupon = React.useMemo(() => screens.filter((screen) => screen.coupon), [screens]);
  const form = useTestCouponForm(withCoupon[0]?.index, onSend);
  const { draft, answer } = form;
  const ids = useFieldIds('clearon-test');
  const contact = CONTACT[draft.channel];

  // No <form>: the modal sits inside the Content Manager's form in React's tree, and a submit
  // event would bubble up and save the document. Enter sends instead.
  const sendOnEnter = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void form.send();
    }
  };

  const screenLabel = (screen: PreviewExitScreen) =>
    formatMessage(messages.screenOption, {
      title:
        htmlToText(screen.title).trim() ||
        formatMessage(messages.screenUntitled, { number: screen.index + 1 }),
      code: screen.coupon?.couponCode ?? '',
      delivery: screen.coupon?.delivery ?? 'button',
    });
  const notice = (variant: 'danger' | 'warning', text: string) => (
    <Alert variant={variant} closeLabel={formatMessage(messages.close)}>
      {text}
    </Alert>
  );

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Typography variant="omega" textColor="neutral600">
            {formatMessage(messages.testIntro)}
          </Typography>
          {screensStatus === 'loading' ? (
            <Flex justifyContent="center">
              <Loader small>{formatMessage(messages.loading)}</Loader>
            </Flex>
          ) : null}
          {screensStatus === 'error' ? notice('danger', formatMessage(messages.loadError)) : null}
          {screensStatus === 'ready' && withCoupon.length === 0
            ? notice('warning', formatMessage(messages.noScreens))
            : null}

          {withCoupon.length > 0 ? (
            <>
              <SelectField
                name="exitScreenIndex"
                label={formatMessage(messages.screen)}
                hint={formatMessage(messages.screenHint)}
                error={form.messageFor('exitScreen')}
                required
                value={draft.exitScreen}
                choices={withCoupon.map((screen) => ({
                  value: String(screen.index),
                  label: screenLabel(screen),
                }))}
                onChange={(value) => form.update('exitScreen', value)}
              />
              <RadioField
                id={`${ids}-channel`}
                label={formatMessage(messages.channel)}
                value={draft.channel}
                choices={[
                  { value: 'email', label: formatMessage(messages.channelEmail) },
                  { value: 'sms', label: formatMessage(messages.channelSms) },
                ]}
                onChange={(value) => form.update('channel', value as Channel)}
              />
              <TextField
                key={contact.name}
                name={contact.name}
                label={formatMessage(contact.label)}
                hint={contact.hint ? formatMessage(contact.hint) : undefined}
                error={form.messageFor(contact.name)}
                required
                value={draft[contact.name]}
                onChange={(value) => form.update(contact.name, value)}
                inputProps={{
                  type: contact.type,
                  autoComplete: contact.type,
                  onKeyDown: sendOnEnter,
                }}
              />
            </>
          ) : null}

          {/* A refusal the fields already show needs no alert. */}
          {answer && !(answer.kind === 'invalid' && answer.fields.length > 0) ? (
            <AnswerAlert answer={answer} onClose={form.clearAnswer} />
          ) : null}
        </Flex>
      </Modal.Body>
      <ModalFooter
        cancelLabel={formatMessage(messages.close)}
        submitLabel={formatMessage(messages.send)}
        startIcon={<PaperPlane />}
        loading={form.sending}
        disabled={withCoupon.length === 0}
        onSubmit={() => void form.send()}
      />
    </>
  );
};
