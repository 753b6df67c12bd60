import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { ClearonClient, IssueOutcome } from '../clearon';
import type { Campaign } from '../domain/campaign';
import { getService } from '../utils/get-service';
import { resolveUsableTarget } from './usable-target';

/**
 * The editor's test coupon: one real ClearOn coupon with an exit screen's settings, sent to the
 * editor's own email or phone, outside the participations and the outbox (campaign-tools service).
 */

export interface TestCouponInput {
  exitScreenIndex: number;
  email?: string;
  phone?: string;
}

export interface TestCouponResult {
  status: 'issued' | 'failed';
  /** Plain words for the editor; never holds the API key, the email or the phone. */
  message: string;
  /** The reference sent to ClearOn (`cl_test_...`), to find the test coupon in ClearOn. */
  reference: string;
  coupon?: { code: string; redeemUrl: string; expiresAt: string };
}

/** The exit screen's coupon settings the test coupon is issued with. */
export interface TestCouponSettings {
  couponCode: string;
  validityDays: number;
  integration: string | null;
}

const describeFailure = (outcome: Exclude<IssueOutcome, { kind: 'issued' }>): string => {
  switch (outcome.kind) {
    case 'retryable':
      return outcome.code === 'rate_limited'
        ? `${outcome.reason}. Try again in a moment.`
        : `${outcome.reason}. ClearOn may be unavailable: try again later.`;
    case 'permanent':
      return `${outcome.reason}.`;
    default:
      return 'ClearOn answered a test (dry run) request instead of issuing a coupon.';
  }
};

const scrub = (text: string, secrets: string[]) =>
  secrets.reduce(
    (out, secret) => (secret && secret.length >= 4 ? out.split(secret).join('***') : out),
    text
  );

/**
 * Issues the test coupon through the settings' integration (or the default one) and words the
 * outcome for the editor. Writes nothing: no participation, no coupon row.
 */
export const issueTestCoupon = async (
  { strapi, client }: { strapi: Core.Strapi; client: ClearonClient },
  campaign: Campaign,
  settings: TestCouponSettings,
  input: TestCouponInput
): Promise<TestCouponResult> => {
  const reference = `cl_test_${randomBytes(12).toString('base64url')}`;
  const delivery = input.email ? 'email' : 'sms';
  const failed = (message: string): TestCouponResult => ({
    status: 'failed',
    message,
    reference,
  });

  const resolved = await resolveUsableTarget(
    (documentId) => getService(strapi, 'integrations').resolveTarget(documentId),
    settings.integration
  );
  if (!resolved.usable) {
    switch (resolved.code) {
      case 'key_unreadable':
        return failed(`${resolved.reason}.`);
      case 'no_integration':
        return failed(
          settings.integration
            ? "The exit screen's ClearOn integration no longer exists: choose another one in the coupon."
            : 'No ClearOn integration is configured: add one in Settings → ClearOn.'
        );
      default:
        return failed(`${resolved.reason}: enable it to issue coupons.`);
    }
  }
  const { target } = resolved;

  let outcome: IssueOutcome;
  try {
    outcome = await client.issue(target, {
      couponCode: settings.couponCode,
      validityDays: settings.validityDays,
      delivery,
      recipient: input.email ? { email: input.email } : { phone: input.phone },
      reference,
      campaign: { id: campaign.documentId, name: `${campaign.title} (test)` },
      dryRun: false,
    });
  } catch (error) {
    outcome = {
      kind: 'permanent',
      code: 'unexpected_response',
      reason: `The test request failed: ${(error as Error).message}`,
    };
  }
  const secrets = [target.apiKey, input.email ?? '', input.phone ?? ''];
  // Never the recipient: the log says which campaign and screen, and how it went.
  strapi.log.info(
    `[clearon] test coupon for campaign ${campaign.documentId}, exit screen ${input.exitScreenIndex}: ` +
      (outcome.kind === 'issued'
        ? 'issued'
        : `failed (${'code' in outcome ? outcome.code : outcome.kind})`)
  );
  if (outcome.kind !== 'issued') return failed(scrub(describeFailure(outcome), secrets));
  const { code, redeemUrl, expiresAt, deliveryChannel } = outcome.coupon;
  const sent =
    deliveryChannel === 'email'
      ? 'sends it by email'
      : deliveryChannel === 'sms'
        ? 'sends it by SMS'
        : 'says it sends nothing (delivery "none")';
  return {
    status: 'issued',
    message:
      `ClearOn issued a test coupon (offer "${settings.couponCode}", valid ` +
      `${settings.validityDays} day(s)) and ${sent}.`,
    reference,
    coupon: { code, redeemUrl, expiresAt },
  };
};
