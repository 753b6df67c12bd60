import * as React from 'react';
import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Loader,
  Modal,
  Radio,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { messages } from './messages';
import {
  hasErrors,
  htmlToText,
  toRequest,
  validateTestCoupon,
  type Channel,
  type TestCouponDraft,
  type TestCouponError,
} from './testCouponRules';
import type { PreviewExitScreen, TestCouponAnswer } from './types';
import { AnswerAlert } from './AnswerAlert';

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
    <Modal.Root open={open} onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}>
      <Modal.Content aria-describedby={undefined}>
        <Modal.Header closeLabel={formatMessage(messages.close)}>
          <Modal.Title>{formatMessage(messages.testTitle)}</Modal.Title>
        </Modal.Header>
        {/* Mounted only while open: each opening starts afresh. */}
        {open ? <TestCouponForm {...rest} /> : null}
      </Modal.Content>
    </Modal.Root>
  );
};

const ERROR_MESSAGES: Record<TestCouponError, (typeof messages)[keyof typeof messages]> = {
  screenRequired: messages.screenRequired,
  emailRequired: messages.emailRequired,
  emailInvalid: messages.emailInvalid,
  phoneRequired: messages.phoneRequired,
  phoneInvalid: messages.phoneInvalid,
};

type FormProps = Omit<TestCouponModalProps, 'open' | 'onClose'>;

const TestCouponForm = ({ screens, screensStatus, onSend }: FormProps) => {
  const { formatMessage } = useIntl();
  const withCoupon = React.useMemo(() => screens.filter((screen) => screen.coupon), [screens]);
  const [draft, setDraft] = React.useState<TestCouponDraft>({
    exitScreen: '',
    channel: 'email',
    email: '',
    phone: '',
  });
  const [showErrors, setShowErrors] = React.useState(false);
  const [refused, setRefused] = React.useState<Array<'exitScreenIndex' | 'email' | 'phone'>>([]);
  const [sending, setSending] = React.useState(false);
  const [answer, setAnswer] = React.useState<TestCouponAnswer | null>(null);
  const ids = `clearon-test-${React.useId().replace(/:/g, '')}`;
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  // The first exit screen with a coupon, once the screens are known.
  const firstIndex = withCoupon[0]?.index;
  React.useEffect(() => {
    if (firstIndex !== undefined)
      setDraft((previous) =>
        previous.exitScreen === '' ? { ...previous, exitScreen: String(firstIndex) } : previous
      );
  }, [firstIndex]);

  const errors = validateTestCoupon(draft);
  const messageFor = (key: 'exitScreen' | 'email' | 'phone') => {
    const error = errors[key];
    if (showErrors && error) return formatMessage(ERROR_MESSAGES[error]);
    if (key === 'exitScreen' && refused.includes('exitScreenIndex'))
      return formatMessage(messages.screenInvalid);
    if (key === 'email' && refused.includes('email')) return formatMessage(messages.emailInvalid);
    if (key === 'phone' && refused.includes('phone')) return formatMessage(messages.phoneInvalid);
    return undefined;
  };

  const update = <K extends keyof TestCouponDraft>(key: K, value: TestCouponDraft[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setRefused([]);
  };

  const send = async () => {
    if (sending) return;
    if (hasErrors(errors)) {
      setShowErrors(true);
      return;
    }
    setSending(true);
    setAnswer(null);
    let next: TestCouponAnswer;
    try {
      next = await onSend(toRequest(draft));
    } catch (error) {
      next = { kind: 'error', message: (error as Error).message };
    }
    if (!mounted.current) return;
    setSending(false);
    setRefused(next.kind === 'invalid' ? next.fields : []);
    setAnswer(next);
  };

  // No <form>: the modal sits inside the Content Manager's form in React's tree, and a submit
  // event would bubble up and save the document. Enter sends instead.
  const sendOnEnter = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void send();
    }
  };

  const noScreens = screensStatus === 'ready' && withCoupon.length === 0;
  const screenLabel = (screen: PreviewExitScreen) =>
    formatMessage(messages.screenOption, {
      title:
        htmlToText(screen.title).trim() ||
        formatMessage(messages.screenUntitled, { number: screen.index + 1 }),
      code: screen.coupon?.couponCode ?? '',
      delivery: screen.coupon?.delivery ?? 'button',
    });

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
          {screensStatus === 'error' ? (
            <Alert variant="danger" closeLabel={formatMessage(messages.close)}>
              {formatMessage(messages.loadError)}
            </Alert>
          ) : null}
          {noScreens ? (
            <Alert variant="warning" closeLabel={formatMessage(messages.close)}>
              {formatMessage(messages.noScreens)}
            </Alert>
          ) : null}

          {withCoupon.length > 0 ? (
            <>
              <Field.Root
                name="exitScreenIndex"
                error={messageFor('exitScreen')}
                hint={formatMessage(messages.screenHint)}
                required
              >
                <Field.Label>{formatMessage(messages.screen)}</Field.Label>
                <SingleSelect
                  value={draft.exitScreen}
                  onChange={(value) => update('exitScreen', String(value))}
                >
                  {withCoupon.map((screen) => (
                    <SingleSelectOption key={screen.index} value={String(screen.index)}>
                      {screenLabel(screen)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
                <Field.Error />
              </Field.Root>

              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography id={`${ids}-channel`} variant="pi" fontWeight="bold">
                  {formatMessage(messages.channel)}
                </Typography>
                <Radio.Group
                  aria-labelledby={`${ids}-channel`}
                  value={draft.channel}
                  onValueChange={(value) => update('channel', value as Channel)}
                >
                  <Radio.Item value="email">{formatMessage(messages.channelEmail)}</Radio.Item>
                  <Radio.Item value="sms">{formatMessage(messages.channelSms)}</Radio.Item>
                </Radio.Group>
              </Flex>

              {draft.channel === 'email' ? (
                <Field.Root name="email" error={messageFor('email')} required>
                  <Field.Label>{formatMessage(messages.email)}</Field.Label>
                  <TextInput
                    type="email"
                    autoComplete="email"
                    value={draft.email}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      update('email', event.target.value)
                    }
                    onKeyDown={sendOnEnter}
                  />
                  <Field.Error />
                </Field.Root>
              ) : (
                <Field.Root
                  name="phone"
                  error={messageFor('phone')}
                  hint={formatMessage(messages.phoneHint)}
                  required
                >
                  <Field.Label>{formatMessage(messages.phone)}</Field.Label>
                  <TextInput
                    type="tel"
                    autoComplete="tel"
                    value={draft.phone}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      update('phone', event.target.value)
                    }
                    onKeyDown={sendOnEnter}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              )}
            </>
          ) : null}

          {/* A refusal the fields already show needs no alert. */}
          {answer && !(answer.kind === 'invalid' && answer.fields.length > 0) ? (
            <AnswerAlert answer={answer} onClose={() => setAnswer(null)} />
          ) : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{formatMessage(messages.close)}</Button>
        </Modal.Close>
        <Box>
          <Button
            startIcon={<PaperPlane />}
            loading={sending}
            disabled={withCoupon.length === 0}
            onClick={() => void send()}
          >
            {formatMessage(messages.send)}
          </Button>
        </Box>
      </Modal.Footer>
    </>
  );
};
