/** Where and how to reach one ClearOn account (an integration, with its key decrypted). */
export interface ClearonTarget {
  endpoint: string;
  authHeaderName: string;
  apiKey: string;
  timeoutMs: number;
}

export type DeliveryChannel = 'email' | 'sms' | 'none';

export interface IssueCouponInput {
  couponCode: string;
  validityDays: number;
  delivery: DeliveryChannel;
  recipient: { email?: string; phone?: string; firstName?: string };
  /** Unique per participation; also sent as Idempotency-Key, so a retry never issues twice. */
  reference: string;
  campaign: { id: string; name: string };
  /** Validate the key and the coupon code only; ClearOn creates nothing. */
  dryRun?: boolean;
}

export interface IssuedCoupon {
  couponId: string;
  code: string;
  ean?: string;
  redeemUrl: string;
  expiresAt: string;
  deliveryChannel: DeliveryChannel;
  deliveryStatus?: string;
}

export type RetryableCode =
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'unreachable'
  /** A 200/201 without a complete coupon: the coupon may exist, so the same reference is asked again. */
  | 'incomplete_answer';

export type PermanentCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'unknown_coupon'
  | 'reference_conflict'
  | 'invalid_recipient'
  | 'unexpected_response'
  | 'redirect'
  /** The endpoint is, or resolves to, an address the SSRF rules refuse (allowPrivateHosts off). */
  | 'blocked_address';

/**
 * Every answer (or non-answer) of ClearOn, classified. `reason` is plain words for an editor and
 * never contains the API key, the recipient's email or phone, or a redeem URL.
 */
export type IssueOutcome =
  | { kind: 'issued'; replayed: boolean; coupon: IssuedCoupon }
  | { kind: 'dry-run-ok'; couponCode: string }
  | {
      kind: 'retryable';
      code: RetryableCode;
      reason: string;
      status?: number;
      retryAfterMs?: number;
    }
  | { kind: 'permanent'; code: PermanentCode; reason: string; status?: number };

export interface ClearonClient {
  /** Never throws: HTTP and network failures come back as an outcome. */
  issue(target: ClearonTarget, input: IssueCouponInput): Promise<IssueOutcome>;
}
