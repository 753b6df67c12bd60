/** The shapes of the plugin's campaign-tools admin routes (shared/contracts/preview.ts). */
import type { TestCouponResult } from '../../../../shared/contracts/preview';

export type {
  CampaignPreview,
  CampaignVersion,
  PreviewCoupon,
  PreviewExitScreen,
  PreviewField,
  PreviewQuestion,
  TestCouponRequest,
  TestCouponResult,
} from '../../../../shared/contracts/preview';

/** What sending a test coupon came to: ClearOn's answer, a refused request, or no answer. */
export type TestCouponAnswer =
  | { kind: 'result'; result: TestCouponResult }
  | { kind: 'invalid'; fields: Array<'exitScreenIndex' | 'email' | 'phone'>; message: string }
  | { kind: 'error'; message: string };
