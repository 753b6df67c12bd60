/**
 * The ClearOn adapter: the one module that knows ClearOn's URL, headers, field names and statuses
 * (docs/clearon-contract.md). A ClearOn account with other field names changes this folder only.
 */
export type {
  ClearonClient,
  ClearonTarget,
  DeliveryChannel,
  IssueCouponInput,
  IssuedCoupon,
  IssueOutcome,
  PermanentCode,
  RetryableCode,
} from './types';
export { createClearonClient, DEFAULT_MAX_RESPONSE_BYTES } from './client';
export type { ClearonClientOptions } from './client';
export { backoffDelay } from './backoff';
export type { BackoffOptions } from './backoff';
export { parseRetryAfter, MAX_RETRY_AFTER_MS } from './retry-after';
export { buildIssueRequest, issueBody, DEFAULT_AUTH_HEADER } from './request';
export type { IssueRequest } from './request';
export { classifyResponse } from './classify-response';
export type { HttpAnswer } from './classify-response';
export { classifyFailure } from './classify-failure';
export { DEFAULT_USER_AGENT } from './user-agent';
export { decideRetry, retryDeadline } from './retry-policy';
export type { RetryDecision, RetryInput, RetryPolicy } from './retry-policy';
export { freezeIssueBody, thawIssueBody } from './frozen-request';
