/** A coupon this worker holds the lease of, with what its ClearOn request needs. */
export interface ClaimedCoupon {
  id: number;
  reference: string;
  couponCode: string;
  validityDays: number;
  channel: 'email' | 'sms' | 'none';
  campaignDocumentId: string | null;
  attempts: number;
  status: string;
  leaseOwner: string | null;
  participation: { email: string | null; phone: string | null; firstName: string | null } | null;
  integration: { documentId: string } | null;
  /** When the coupon was written, and when an admin last retried it: its retry time runs from these. */
  createdAt?: string | Date | number | null;
  retriedAt?: string | Date | number | null;
  /** The ClearOn body frozen when the coupon was written (null: built from the coupon's data). */
  requestBody?: string | null;
  incompleteAnswers?: number | null;
  /** Sent as its integration's circuit probe. */
  probe?: boolean;
}

/** What a worker wrote for a coupon, as the coupons service reads it. */
export interface SettledCoupon {
  status: 'issued' | 'pending' | 'failed' | 'dead' | 'needs_attention';
  code?: string | null;
  redeemUrl?: string | null;
  expiresAt?: string | null;
  lastError?: string | null;
}

/** What this instance's worker recorded since it started (the issuer's `stats()`). */
export interface IssuerCounts {
  issued: number;
  retried: number;
  failed: number;
  dead: number;
  attention: number;
  parked: number;
}

/** The coupons table the outbox lives in. */
export const TABLE = 'clearon_coupons';
