/**
 * The campaign tools' admin routes (server/src/routes/campaign-tools.ts): the preview of a campaign
 * (`GET /clearon/campaigns/:documentId/preview`) and the test coupon
 * (`POST /clearon/campaigns/:documentId/test-coupon`).
 */
import type { CouponValue, EligibilityReason } from './coupon-settings';

export type CampaignVersion = 'draft' | 'published';

export interface PreviewField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options?: { label: string; value: string }[];
  showWhen?: { field: string; value: string | null };
}

export interface PreviewQuestion {
  key: string;
  label: string;
  answers: { label: string; value: string }[];
}

export type PreviewCoupon = CouponValue;

export interface PreviewExitScreen {
  index: number;
  /** HTML: the editor's title with the sample values escaped in. */
  title: string;
  /** The rich text (Strapi Blocks) with the sample values filled in, as plain text. */
  blocks: unknown[];
  /** HTML rendered on the server from `blocks` and sanitized (links only http(s)/mailto/tel). */
  html: string;
  match: 'default' | 'score' | 'profile';
  minScore: number | null;
  maxScore: number | null;
  profile: string | null;
  coupon: PreviewCoupon | null;
}

/** The participant's view of the campaign, as the public API gives it. */
export interface PreviewCampaign {
  slug: string;
  title: string;
  mode: string;
  format: string;
  startsAt: string | null;
  endsAt: string | null;
  fields: PreviewField[];
  questions: PreviewQuestion[];
}

export interface CampaignPreview {
  documentId: string;
  status: CampaignVersion;
  campaign: PreviewCampaign;
  exitScreens: PreviewExitScreen[];
  eligibility: { eligible: boolean; reasons: EligibilityReason[] };
  /** The sample coupon a Button exit screen shows (the participant's page shows ClearOn's). */
  sampleCoupon: { code: string; redeemUrl: string; expiresAt: string };
}

/** `POST /clearon/campaigns/:documentId/test-coupon` body. */
export interface TestCouponRequest {
  exitScreenIndex: number;
  email?: string;
  phone?: string;
  status?: CampaignVersion;
}

/** ClearOn's answer to a test coupon, as the route reports it. */
export interface TestCouponResult {
  status: 'issued' | 'failed';
  /** Plain words for the editor; never holds the API key, the email or the phone. */
  message: string;
  /** The reference sent to ClearOn (`cl_test_...`), to find the test coupon in ClearOn. */
  reference?: string;
  coupon?: { code: string; redeemUrl: string; expiresAt: string };
}
