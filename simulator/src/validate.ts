import type { Delivery, IssueRequestBody } from './types';

export type Validation = { ok: true; value: IssueRequestBody } | { ok: false; message: string };

const DELIVERIES: readonly Delivery[] = ['email', 'sms', 'none'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalStrings = (
  value: Record<string, unknown>,
  field: string,
  keys: readonly string[]
): string | null => {
  for (const key of keys) {
    if (value[key] !== undefined && typeof value[key] !== 'string') {
      return `${field}.${key} must be a string`;
    }
  }
  return null;
};

/** Checks an issue request body; the message names the first field that is wrong. */
export const validateIssueBody = (body: unknown): Validation => {
  const fail = (message: string): Validation => ({ ok: false, message });
  if (!isObject(body)) return fail('The request body must be a JSON object');
  const { couponCode, validityDays, delivery, recipient, reference, campaign, dryRun } = body;
  if (typeof couponCode !== 'string' || couponCode.length < 1 || couponCode.length > 64) {
    return fail('couponCode must be a string of 1 to 64 characters');
  }
  if (
    typeof validityDays !== 'number' ||
    !Number.isInteger(validityDays) ||
    validityDays < 1 ||
    validityDays > 3650
  ) {
    return fail('validityDays must be a whole number from 1 to 3650');
  }
  if (typeof delivery !== 'string' || !DELIVERIES.includes(delivery as Delivery)) {
    return fail('delivery must be one of email, sms, none');
  }
  if (typeof reference !== 'string' || reference.trim() === '' || reference.length > 200) {
    return fail('reference is required (a string of up to 200 characters)');
  }
  if (!isObject(recipient)) return fail('recipient must be an object');
  const recipientProblem = optionalStrings(recipient, 'recipient', ['email', 'phone', 'firstName']);
  if (recipientProblem) return fail(recipientProblem);
  if (campaign !== undefined) {
    if (!isObject(campaign)) return fail('campaign must be an object');
    const campaignProblem = optionalStrings(campaign, 'campaign', ['id', 'name']);
    if (campaignProblem) return fail(campaignProblem);
  }
  if (dryRun !== undefined && typeof dryRun !== 'boolean') {
    return fail('dryRun must be true or false');
  }
  return {
    ok: true,
    value: {
      couponCode,
      validityDays,
      delivery: delivery as Delivery,
      recipient: {
        ...(recipient.email !== undefined ? { email: recipient.email as string } : {}),
        ...(recipient.phone !== undefined ? { phone: recipient.phone as string } : {}),
        ...(recipient.firstName !== undefined ? { firstName: recipient.firstName as string } : {}),
      },
      reference,
      ...(campaign !== undefined ? { campaign: campaign as IssueRequestBody['campaign'] } : {}),
      ...(dryRun !== undefined ? { dryRun } : {}),
    },
  };
};

/**
 * True when a replay is the same request: same code, validity, delivery, recipient and campaign (id
 * and name). Anything else under a reference seen before is a 409 reference_conflict.
 */
export const sameIssue = (a: IssueRequestBody, b: IssueRequestBody) =>
  a.couponCode === b.couponCode &&
  a.validityDays === b.validityDays &&
  a.delivery === b.delivery &&
  (a.recipient.email ?? '') === (b.recipient.email ?? '') &&
  (a.recipient.phone ?? '') === (b.recipient.phone ?? '') &&
  (a.recipient.firstName ?? '') === (b.recipient.firstName ?? '') &&
  (a.campaign?.id ?? '') === (b.campaign?.id ?? '') &&
  (a.campaign?.name ?? '') === (b.campaign?.name ?? '');
