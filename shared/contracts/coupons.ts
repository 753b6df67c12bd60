/**
 * The coupons dashboard's admin routes (`/clearon/coupons`, `/clearon/campaign-options`,
 * server/src/routes/coupons.ts): statuses, filters and answers.
 */
import type { CouponDelivery } from './coupon-settings';

export type CouponStatus = 'pending' | 'issued' | 'failed' | 'dead' | 'needs_attention';

export const COUPON_STATUSES: readonly CouponStatus[] = [
  'pending',
  'issued',
  'failed',
  'dead',
  'needs_attention',
];

/** The statuses an admin can send back to the queue (Retry). */
export const RETRYABLE_STATUSES: readonly CouponStatus[] = ['failed', 'dead', 'needs_attention'];

/** How ClearOn sends the coupon: by email, by SMS, or not at all (the exit screen shows it). */
export type CouponChannel = 'email' | 'sms' | 'none';

/** One row of `GET /clearon/coupons`. */
export interface AdminCoupon {
  id: number;
  documentId: string;
  reference: string;
  /** The campaign's documentId. */
  campaign: string | null;
  /** The coupon trigger's key, for a coupon of one of the app's own entries. */
  trigger: string | null;
  couponCode: string;
  validityDays: number;
  delivery: CouponDelivery;
  channel: CouponChannel | null;
  status: CouponStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  clearonCouponId: string | null;
  expiresAt: string | null;
  issuedAt: string | null;
  createdAt: string;
  /** Already masked by the server, e.g. `a***@example.se`. */
  recipient: string | null;
  integration: { id: string; name: string } | null;
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** `GET /clearon/coupons`. */
export interface CouponPage {
  results: AdminCoupon[];
  pagination: Pagination;
}

/** `GET /clearon/coupons/stats` → `{data}`: counts by status. */
export type CouponStats = Record<CouponStatus, number>;

/** The filters the routes take (query, or the body of a bulk retry); `from` / `to` are ISO instants. */
export interface CouponFilters {
  campaign?: string;
  /** A coupon trigger's key (coupons of the app's own content types). */
  trigger?: string;
  status?: CouponStatus;
  from?: string;
  to?: string;
}

/** One entry of `GET /clearon/campaign-options` → `{data}`. */
export interface CampaignOption {
  id: string;
  title: string;
  slug?: string;
  /** The campaign's coupon cap (null: none) and the stock below which the dashboard warns. */
  maxCoupons?: number | null;
  lowStockThreshold?: number | null;
  /** Coupons written for the campaign (counted against its cap when it has one). */
  couponsWritten?: number;
  /** Submissions that filled the honeypot: answered, never recorded. */
  honeypotHits?: number;
}
