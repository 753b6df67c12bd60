import * as React from 'react';
import { Alert, Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { toApiProblem } from '../../api/errors';
import type { Integration, TestResult, TestStatus } from '../../api/integrations';
import { messages } from './messages';

const COUPON_CODE_MAX = 64;

const RESULT_TEXT: Record<TestStatus, (typeof messages)[keyof typeof messages]> = {
  ok: messages.testOk,
  unauthorized: messages.testUnauthorized,
  unknown_coupon: messages.testUnknownCoupon,
  unreachable: messages.testUnreachable,
  error: messages.testError,
};

export interface TestConnectionModalProps {
  /** The integration to test; null when closed. */
  integration: Integration | null;
  /** Runs the test; rejects with the fetch error (a 400 names couponCode). */
  onTest: (integration: Integration, couponCode: string) => Promise<TestResult>;
  onClose: () => void;
}

/** Asks for a coupon code, runs a dry-run request against ClearOn, and says what happened. */
export const TestConnectionModal = ({ integration, onTest, onClose }: TestConnectionModalProps) => {
  const { formatMessage } = useIntl();
  return (
    <Modal.Root
      open={integration !== null}
      onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}
    >
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage(messages.close)}>
          <Modal.Title>
            {formatMessage(messages.testTitle, { name: integration?.name ?? '' })}
          </Modal.Title>
        </Modal.Header>
        {integration ? <TestForm integration={integration} onTest={onTest} /> : null}
      </Modal.Content>
    </Modal.Root>
  );
};

const TestForm = ({
  integration,
  onTest,
}: {
  integration: Integration;
  onTest: TestConnectionModalProps['onTest'];
}) => {
  const { formatMessage } = useIntl();
  const [couponCode, setCouponCode] = React.useState('');
  const [fieldError, setFieldError] = React.useState<string | undefined>();
  const [result, setResult] = React.useState<TestResult | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (busy) return;
    const code = couponCode.trim();
    if (!code) {
      setFieldError(formatMessage(messages.testCouponCodeRequired));
      return;
    }
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await onTest(integration, code));
    } catch (error) {
      const problem = toApiProblem(error);
      if (problem.fieldErrors.couponCode) setFieldError(problem.fieldErrors.couponCode);
      else setFailure(problem.message ?? formatMessage(messages.genericError));
    } finally {
      setBusy(false);
    }
  };

  const ok = result?.status === 'ok';

  return (
    <form onSubmit={submit} noValidate>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Typography variant="omega" textColor="neutral600">
            {formatMessage(messages.testIntro)}
          </Typography>
          <Field.Root
            name="couponCode"
            error={fieldError}
            hint={formatMessage(messages.testCouponCodeHint)}
            required
          >
            <Field.Label>{formatMessage(messages.testCouponCode)}</Field.Label>
            <TextInput
              value={couponCode}
              maxLength={COUPON_CODE_MAX}
              autoComplete="off"
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                setCouponCode(event.target.value);
                setFieldError(undefined);
              }}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          {result ? (
            <Alert
              role="status"
              variant={ok ? 'success' : 'danger'}
              title={formatMessage(ok ? messages.testOkTitle : messages.testFailedTitle)}
              closeLabel={formatMessage(messages.close)}
              onClose={() => setResult(null)}
            >
              {/* The alert's text is a paragraph: spans only. */}
              <Typography tag="span" display="block">
                {formatMessage(RESULT_TEXT[result.status] ?? messages.testError)}
              </Typography>
              {result.message && !ok ? (
                <Typography tag="span" display="block" variant="pi" textColor="neutral600">
                  {formatMessage(messages.testServerSays, { message: result.message })}
                </Typography>
              ) : null}
            </Alert>
          ) : null}
          {failure ? (
            <Alert
              variant="danger"
              title={formatMessage(messages.testFailedTitle)}
              closeLabel={formatMessage(messages.close)}
              onClose={() => setFailure(null)}
            >
              {failure}
            </Alert>
          ) : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{formatMessage(messages.close)}</Button>
        </Modal.Close>
        <Button type="submit" loading={busy}>
          {formatMessage(busy ? messages.testRunning : messages.testRun)}
        </Button>
      </Modal.Footer>
    </form>
  );
};
