import { Alert, Link } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { messages } from './messages';
import type { TestCouponAnswer } from './types';

/** ClearOn's answer to a test coupon: the coupon (code, redeem link) or why it failed. */
export const AnswerAlert = ({
  answer,
  onClose,
}: {
  answer: TestCouponAnswer;
  onClose: () => void;
}) => {
  const { formatMessage } = useIntl();
  const closeLabel = formatMessage(messages.close);
  if (answer.kind === 'result' && answer.result.status === 'issued') {
    const { coupon } = answer.result;
    return (
      <Alert
        variant="success"
        title={formatMessage(messages.issuedTitle)}
        closeLabel={closeLabel}
        onClose={onClose}
        action={
          coupon?.redeemUrl ? (
            <Link href={coupon.redeemUrl} isExternal>
              {formatMessage(messages.issuedLink)}
            </Link>
          ) : undefined
        }
      >
        {answer.result.message}
        {coupon?.code ? ` ${formatMessage(messages.issuedCode, { code: coupon.code })}` : null}
      </Alert>
    );
  }
  const title = answer.kind === 'result' ? messages.failedTitle : messages.errorTitle;
  const text = answer.kind === 'result' ? answer.result.message : answer.message;
  return (
    <Alert variant="danger" title={formatMessage(title)} closeLabel={closeLabel} onClose={onClose}>
      {text}
    </Alert>
  );
};
