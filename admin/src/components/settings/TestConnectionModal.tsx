import * as React from 'react';
import { Alert, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { Integration, TestResult, TestStatus } from '../../services/integrations';
import { TextField } from '../shared/FormFields';
import { useModalForm } from '../shared/useModalForm';
import { messages } from './messages';
import { SettingsForm, SettingsFormModal } from './SettingsForm';

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
  /** Runs the test; rejects with the request's error (a 400 names couponCode). */
  onTest: (integration: Integration, couponCode: string) => Promise<TestResult>;
  onClose: () => void;
}

/** Asks for a coupon code, runs a dry-run request against ClearOn, and says what happened. */
export const TestConnectionModal = ({ integration, onTest, onClose }: TestConnectionModalProps) => {
  const { formatMessage } = useIntl();
  return (
    <SettingsFormModal
      open={integration !== null}
      title={formatMessage(messages.testTitle, { name: integration?.name ?? '' })}
      onClose={onClose}
    >
      {integration ? <TestForm integration={integration} onTest={onTest} /> : null}
    </SettingsFormModal>
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
  const [result, setResult] = React.useState<TestResult | null>(null);
  const form = useModalForm({
    initial: () => ({ couponCode: '' }),
    placed: ['couponCode'],
    fallbackMessage: formatMessage(messages.genericError),
    check: ({ couponCode }): Record<string, string> =>
      couponCode.trim() ? {} : { couponCode: formatMessage(messages.testCouponCodeRequired) },
    send: async ({ couponCode }) => {
      setResult(null);
      setResult(await onTest(integration, couponCode.trim()));
    },
  });
  const ok = result?.status === 'ok';

  return (
    <SettingsForm
      form={form}
      errorTitle={formatMessage(messages.testFailedTitle)}
      cancelLabel={formatMessage(messages.close)}
      submitLabel={formatMessage(form.busy ? messages.testRunning : messages.testRun)}
    >
      <Typography variant="omega" textColor="neutral600">
        {formatMessage(messages.testIntro)}
      </Typography>
      <TextField
        name="couponCode"
        label={formatMessage(messages.testCouponCode)}
        hint={formatMessage(messages.testCouponCodeHint)}
        value={form.draft.couponCode}
        error={form.errorOf('couponCode')}
        required
        onChange={(couponCode) => form.change({ couponCode }, 'couponCode')}
        inputProps={{ maxLength: COUPON_CODE_MAX }}
      />
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
    </SettingsForm>
  );
};
