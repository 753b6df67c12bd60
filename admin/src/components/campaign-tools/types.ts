/** The shapes of the plugin's campaign-tools admin routes (server/src/services/campaign-tools.ts). */

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

export interface PreviewCoupon {
  couponCode: string;
  validityDays: number;
  delivery: 'automatic' | 'button';
  integration: string | null;
}

export interface PreviewExitScreen {
  index: number;
  /** HTML (the editor's title, sample values escaped). */
  title: string;
  /** HTML (the editor's text, sample values escaped). */
  html: string;
  match: 'default' | 'score' | 'profile';
  minScore: number | null;
  maxScore: number | null;
  profile: string | null;
  coupon: PreviewCoupon | null;
}

export interface CampaignPreview {
  documentId: string;
  status: CampaignVersion;
  campaign: {
    slug: string;
    title: string;
    mode: string;
    format: string;
    startsAt: string | null;
    endsAt: string | null;
    fields: PreviewField[];
    questions: PreviewQuestion[];
  };
  exitScreens: PreviewExitScreen[];
  eligibility: { eligible: boolean; reasons: ('mode' | 'contact')[] };
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
  message: string;
  reference?: string;
  coupon?: { code: string; redeemUrl: string; expiresAt: string };
}

/** What sending a test coupon came to: ClearOn's answer, a refused request, or no answer. */
export type TestCouponAnswer =
  | { kind: 'result'; result: TestCouponResult }
  | { kind: 'invalid'; fields: Array<'exitScreenIndex' | 'email' | 'phone'>; message: string }
  | { kind: 'error'; message: string };
