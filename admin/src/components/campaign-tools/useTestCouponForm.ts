import * as React from 'react';
import { useIntl } from 'react-intl';

import { messages } from './messages';
import {
  hasErrors,
  toRequest,
  validateTestCoupon,
  type TestCouponDraft,
  type TestCouponError,
} from './testCouponRules';
import type { TestCouponAnswer } from './types';

const ERROR_MESSAGES: Record<TestCouponError, (typeof messages)[keyof typeof messages]> = {
  screenRequired: messages.screenRequired,
  emailRequired: messages.emailRequired,
  emailInvalid: messages.emailInvalid,
  phoneRequired: messages.phoneRequired,
  phoneInvalid: messages.phoneInvalid,
};

/** The draft's fields and the request's field that the server names when it refuses one. */
const SERVER_FIELDS = { exitScreen: 'exitScreenIndex', email: 'email', phone: 'phone' } as const;
/** The message for a field the server refused. */
const REFUSED_MESSAGES = {
  exitScreen: messages.screenInvalid,
  email: messages.emailInvalid,
  phone: messages.phoneInvalid,
};

export type DraftField = keyof typeof SERVER_FIELDS;
type ServerField = (typeof SERVER_FIELDS)[DraftField];

const EMPTY: TestCouponDraft = { exitScreen: '', channel: 'email', email: '', phone: '' };

/**
 * The test-coupon form's state: the draft (the first exit screen with a coupon chosen once known),
 * its errors (shown from the first Send on, or from the server's refusal), sending, and the answer.
 */
export const useTestCouponForm = (
  firstIndex: number | undefined,
  onSend: (request: ReturnType<typeof toRequest>) => Promise<TestCouponAnswer>
) => {
  const { formatMessage } = useIntl();
  const [draft, setDraft] = React.useState<TestCouponDraft>(EMPTY);
  const [showErrors, setShowErrors] = React.useState(false);
  const [refused, setRefused] = React.useState<ServerField[]>([]);
  const [sending, setSending] = React.useState(false);
  const [answer, setAnswer] = React.useState<TestCouponAnswer | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  React.useEffect(() => {
    if (firstIndex !== undefined)
      setDraft((previous) =>
        previous.exitScreen === '' ? { ...previous, exitScreen: String(firstIndex) } : previous
      );
  }, [firstIndex]);

  const errors = validateTestCoupon(draft);
  const messageFor = (key: DraftField) => {
    const error = errors[key];
    if (showErrors && error) return formatMessage(ERROR_MESSAGES[error]);
    if (refused.includes(SERVER_FIELDS[key])) return formatMessage(REFUSED_MESSAGES[key]);
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

  return { draft, update, messageFor, send, sending, answer, clearAnswer: () => setAnswer(null) };
};
