import { parseRetryAfter } from './retry-after';
import { parseJsonBody, readDryRunOk, readErrorBody, readIssuedCoupon } from './response-body';
import { safeRemoteMessage } from './safe-text';
import type { IssueCouponInput, IssueOutcome } from './types';

/** What came back over HTTP, reduced to what classification needs. */
export interface HttpAnswer {
  status: number;
  retryAfter?: string;
  bodyText: string;
}

export interface ClassifyContext {
  input: IssueCouponInput;
  /** Values that must never appear in a reason (API key, recipient email and phone). */
  secrets: readonly string[];
  now?: number;
}

const RECIPIENT_FIELD = { email: 'email address', sms: 'phone number', none: 'contact details' };

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

const classifySuccess = (answer: HttpAnswer, context: ClassifyContext): IssueOutcome => {
  const { status } = answer;
  const body = parseJsonBody(answer.bodyText);
  if (body === undefined) {
    return {
      kind: 'permanent',
      code: 'unexpected_response',
      status,
      reason: `ClearOn answered ${status} but its answer is not JSON: check the endpoint URL`,
    };
  }
  if (context.input.dryRun && status === 200) {
    const dryRun = readDryRunOk(body);
    if (dryRun) {
      return { kind: 'dry-run-ok', couponCode: dryRun.couponCode ?? context.input.couponCode };
    }
  }
  const coupon = readIssuedCoupon(body, context.input.delivery);
  if (!coupon) {
    // The coupon may exist at ClearOn: asking again under the same reference gets it back.
    return {
      kind: 'retryable',
      code: 'incomplete_answer',
      status,
      reason: `ClearOn answered ${status} without a complete coupon (couponId, code, redeemUrl, expiresAt)`,
    };
  }
  return { kind: 'issued', replayed: status === 200, coupon };
};

/** ClearOn's own message, made safe, appended to a reason. */
const detailOf = (bodyText: string, context: ClassifyContext) => {
  const { message } = readErrorBody(parseJsonBody(bodyText));
  const safe = message ? safeRemoteMessage(message, context.secrets) : '';
  return safe ? `: ${safe}` : '';
};

/** Classifies any HTTP status ClearOn answered with (redirects included: they are not followed). */
export const classifyResponse = (answer: HttpAnswer, context: ClassifyContext): IssueOutcome => {
  const { status } = answer;
  const { input } = context;
  if (status === 200 || status === 201) return classifySuccess(answer, context);
  const detail = () => detailOf(answer.bodyText, context);
  const retryAfterMs = parseRetryAfter(answer.retryAfter, context.now);
  const wait = retryAfterMs === undefined ? {} : { retryAfterMs };

  if (status >= 300 && status < 400) {
    return {
      kind: 'permanent',
      code: 'redirect',
      status,
      reason: `ClearOn's endpoint redirects elsewhere (${status}): enter the final endpoint URL`,
    };
  }
  switch (status) {
    case 400:
      return {
        kind: 'permanent',
        code: 'invalid_request',
        status,
        reason: `ClearOn rejected the request as invalid (400)${detail()}`,
      };
    case 401:
    case 403:
      return {
        kind: 'permanent',
        code: 'unauthorized',
        status,
        reason: `ClearOn rejected the API key (${status}): check the API key and the header name`,
      };
    case 404: {
      // A 404 without ClearOn's error body is a wrong endpoint URL, not an unknown coupon code.
      const { code } = readErrorBody(parseJsonBody(answer.bodyText));
      if (code !== 'unknown_coupon') {
        return {
          kind: 'permanent',
          code: 'unexpected_response',
          status,
          reason: 'ClearOn answered 404 Not Found for the endpoint: check the endpoint URL',
        };
      }
      return {
        kind: 'permanent',
        code: 'unknown_coupon',
        status,
        reason: `ClearOn does not know the coupon code "${input.couponCode}" (404)`,
      };
    }
    case 408:
      return {
        kind: 'retryable',
        code: 'timeout',
        status,
        reason: 'ClearOn timed out while reading the request (408)',
        ...wait,
      };
    case 409:
      return {
        kind: 'permanent',
        code: 'reference_conflict',
        status,
        reason: 'ClearOn already issued a coupon for this participation with other settings (409)',
      };
    case 422:
      return {
        kind: 'permanent',
        code: 'invalid_recipient',
        status,
        reason: `ClearOn rejected the participant's ${RECIPIENT_FIELD[input.delivery]} for delivery by ${input.delivery} (422)`,
      };
    case 429:
      return {
        kind: 'retryable',
        code: 'rate_limited',
        status,
        reason:
          retryAfterMs === undefined
            ? 'ClearOn is limiting the number of requests (429)'
            : `ClearOn is limiting the number of requests (429); retry after ${seconds(retryAfterMs)}`,
        ...wait,
      };
    default:
      break;
  }
  if (status >= 500 && status < 600) {
    return {
      kind: 'retryable',
      code: 'server_error',
      status,
      reason: `ClearOn answered with a server error (${status})`,
      ...wait,
    };
  }
  return {
    kind: 'permanent',
    code: 'unexpected_response',
    status,
    reason: `ClearOn answered with an unexpected status (${status})`,
  };
};
