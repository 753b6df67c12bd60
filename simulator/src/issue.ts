import { errorAnswer, type EndpointAnswer } from './answers';
import { isE164, isEmail } from './contacts';
import { expiryDate, newCouponId, newEan13, newMobileCode } from './coupon-factory';
import type { IssuedRecord, IssueRequestBody } from './types';
import { sameIssue, validateIssueBody } from './validate';

export interface IssueState {
  apiKeys: ReadonlySet<string>;
  /** Lower-case. */
  authHeaderName: string;
  isKnownCoupon(couponCode: string): boolean;
  /** By reference. */
  coupons: Map<string, IssuedRecord>;
  couponsById: Map<string, IssuedRecord>;
  /** Where redeem pages are served: http://host:port */
  baseUrl: string;
}

export interface IncomingIssue {
  method: string;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when it is not JSON. */
  body: unknown;
}

const issuedBody = (record: IssuedRecord) => ({
  couponId: record.couponId,
  code: record.code,
  ean: record.ean,
  redeemUrl: record.redeemUrl,
  expiresAt: record.expiresAt,
  delivery: record.delivery,
});

const recipientProblem = (request: IssueRequestBody): string | null => {
  if (request.delivery === 'email' && !isEmail(request.recipient.email)) {
    return 'recipient.email must be a valid email address for delivery by email';
  }
  if (request.delivery === 'sms' && !isE164(request.recipient.phone)) {
    return 'recipient.phone must be an E.164 phone number (+ and digits) for delivery by sms';
  }
  return null;
};

const issue = (state: IssueState, request: IssueRequestBody): IssuedRecord => {
  const couponId = newCouponId();
  const code = newMobileCode();
  const record: IssuedRecord = {
    couponId,
    code,
    ean: newEan13(code),
    redeemUrl: `${state.baseUrl}/c/${couponId}`,
    expiresAt: expiryDate(request.validityDays),
    issuedAt: new Date().toISOString(),
    reference: request.reference,
    request,
    delivery: {
      channel: request.delivery,
      status: request.delivery === 'none' ? 'not_sent' : 'queued',
    },
  };
  state.coupons.set(request.reference, record);
  state.couponsById.set(couponId, record);
  return record;
};

/**
 * The coupons endpoint, in the contract's order: method, key, media type, body, coupon code,
 * dry run, replay or conflict, recipient, and then a new coupon.
 */
export const answerIssue = (state: IssueState, incoming: IncomingIssue): EndpointAnswer => {
  if (incoming.method !== 'POST') {
    return errorAnswer(405, 'Use POST', { Allow: 'POST' });
  }
  const key = incoming.headers[state.authHeaderName];
  if (key === undefined || !state.apiKeys.has(key)) {
    return errorAnswer(401, 'The API key is missing or wrong');
  }
  if (!/^application\/json\b/i.test(incoming.headers['content-type'] ?? '')) {
    return errorAnswer(400, 'Content-Type must be application/json');
  }
  if (incoming.body === undefined) return errorAnswer(400, 'The request body must be JSON');
  const validation = validateIssueBody(incoming.body);
  if (!validation.ok) return errorAnswer(400, validation.message);
  const request = validation.value;
  const idempotencyKey = incoming.headers['idempotency-key'];
  if (idempotencyKey !== undefined && idempotencyKey !== request.reference) {
    return errorAnswer(400, 'The Idempotency-Key header must equal reference');
  }
  if (!state.isKnownCoupon(request.couponCode)) {
    return errorAnswer(404, `No coupon with the code ${request.couponCode} in this account`);
  }
  if (request.dryRun) return { status: 200, body: { ok: true, couponCode: request.couponCode } };

  const earlier = state.coupons.get(request.reference);
  if (earlier) {
    if (!sameIssue(earlier.request, request)) {
      return errorAnswer(409, 'This reference was used before with a different request');
    }
    return { status: 200, body: issuedBody(earlier) };
  }
  const problem = recipientProblem(request);
  if (problem) return errorAnswer(422, problem);
  return { status: 201, body: issuedBody(issue(state, request)) };
};
