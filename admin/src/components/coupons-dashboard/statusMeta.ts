import type { StatusVariant } from '@strapi/design-system';

import type { CouponStatus } from '../../services/coupons';
import { messages, type Message } from './messages';

export const STATUS_META: Record<
  CouponStatus,
  { label: Message; hint: Message; variant: StatusVariant }
> = {
  pending: {
    label: messages.statusPending,
    hint: messages.statusPendingHint,
    variant: 'secondary',
  },
  issued: { label: messages.statusIssued, hint: messages.statusIssuedHint, variant: 'success' },
  failed: { label: messages.statusFailed, hint: messages.statusFailedHint, variant: 'warning' },
  dead: { label: messages.statusDead, hint: messages.statusDeadHint, variant: 'danger' },
  needs_attention: {
    label: messages.statusNeedsAttention,
    hint: messages.statusNeedsAttentionHint,
    variant: 'warning',
  },
};

/** The issuer's error codes (server/src/clearon/classify-*.ts, services/issuer/) in plain words. */
export const ERROR_MESSAGES: Record<string, Message> = {
  redirect: messages.errorRedirect,
  invalid_request: messages.errorInvalidRequest,
  unauthorized: messages.errorUnauthorized,
  unexpected_response: messages.errorUnexpectedResponse,
  unknown_coupon: messages.errorUnknownCoupon,
  timeout: messages.errorTimeout,
  reference_conflict: messages.errorReferenceConflict,
  invalid_recipient: messages.errorInvalidRecipient,
  rate_limited: messages.errorRateLimited,
  server_error: messages.errorServerError,
  unreachable: messages.errorUnreachable,
  key_unreadable: messages.errorKeyUnreadable,
  no_integration: messages.errorNoIntegration,
  integration_missing: messages.errorIntegrationMissing,
  integration_disabled: messages.errorIntegrationDisabled,
  blocked_address: messages.errorBlockedAddress,
  internal: messages.errorInternal,
  erased: messages.errorErased,
  circuit_open: messages.errorCircuitOpen,
  incomplete_answer: messages.errorIncompleteAnswer,
};

export const isRetryable = (status: CouponStatus) =>
  status === 'failed' || status === 'dead' || status === 'needs_attention';
