import { issueBody } from './request';
import type { DeliveryChannel, IssueCouponInput } from './types';

/**
 * The issue request frozen when the coupon is written: the exact JSON body every try under its
 * reference sends, whatever happens to the campaign (renamed) or the app (restarted) meanwhile.
 * ClearOn answers 409 to a reference that comes back with another body.
 */
export const freezeIssueBody = (input: IssueCouponInput): string =>
  JSON.stringify(issueBody({ ...input, dryRun: false }));

const CHANNELS: readonly DeliveryChannel[] = ['email', 'sms', 'none'];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The input a frozen body was made from, such that `freezeIssueBody(thawIssueBody(body))` gives the
 * same bytes back; null when the text is not a frozen body (absent, or erased).
 */
export const thawIssueBody = (frozen: string | null | undefined): IssueCouponInput | null => {
  if (!frozen) return null;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(frozen) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const recipient = (body.recipient ?? {}) as Record<string, unknown>;
  const campaign = (body.campaign ?? {}) as Record<string, unknown>;
  const delivery = CHANNELS.find((channel) => channel === body.delivery);
  if (typeof body.couponCode !== 'string' || typeof body.reference !== 'string' || !delivery) {
    return null;
  }
  const input: IssueCouponInput = {
    couponCode: body.couponCode,
    validityDays: Number(body.validityDays),
    delivery,
    recipient: {
      ...(text(recipient.email) ? { email: text(recipient.email) } : {}),
      ...(text(recipient.phone) ? { phone: text(recipient.phone) } : {}),
      ...(text(recipient.firstName) ? { firstName: text(recipient.firstName) } : {}),
    },
    reference: body.reference,
    campaign: { id: String(campaign.id ?? ''), name: String(campaign.name ?? '') },
  };
  // A body this module did not write (edited by hand): not sent, the coupon's own data is used.
  return freezeIssueBody(input) === frozen ? input : null;
};
