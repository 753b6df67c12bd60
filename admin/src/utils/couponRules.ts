/**
 * Pure rules behind the "Insert a ClearOn coupon" editor. They mirror the server's checks
 * (server/src/domain/campaign-rules.ts) so the editor is told before saving what the server
 * would refuse.
 */

export type CouponDelivery = 'automatic' | 'button';

/** The value stored in an exit screen's `coupon` custom field (or `null` when there is none). */
export interface CouponValue {
  /** The integration's documentId; `null` means the default integration at issuing time. */
  integration: string | null;
  couponCode: string;
  validityDays: number;
  delivery: CouponDelivery;
}

/** What the rules read from the campaign being edited (its live form values). */
export interface CampaignSnapshot {
  mode?: string | null;
  fields?: ReadonlyArray<{ type?: string | null } | null | undefined> | null;
}

export type EligibilityReason = 'mode' | 'contact';

export interface CouponEligibility {
  eligible: boolean;
  reasons: EligibilityReason[];
}

export const COUPON_CODE_MAX_LENGTH = 64;
export const VALIDITY_DAYS_MIN = 1;
export const VALIDITY_DAYS_MAX = 3650;

/**
 * A coupon needs an identified campaign (mode `identified`) whose form collects an email or a
 * phone number. `reasons` lists every check that fails, in the order the editor should fix them.
 */
export const couponEligibility = ({ mode, fields }: CampaignSnapshot): CouponEligibility => {
  const reasons: EligibilityReason[] = [];
  if (mode !== 'identified') reasons.push('mode');
  const hasContact = (fields ?? []).some(
    (field) => field?.type === 'email' || field?.type === 'phone'
  );
  if (!hasContact) reasons.push('contact');
  return { eligible: reasons.length === 0, reasons };
};

export type ValidityDaysError = 'required' | 'notWholeNumber' | 'outOfRange';

/** `null` when `text` is a whole number of days from 1 to 3650 ("30", " 30 "), else why not. */
export const validateValidityDays = (
  text: string | number | null | undefined
): ValidityDaysError | null => {
  const raw = text === null || text === undefined ? '' : String(text).trim();
  if (raw === '') return 'required';
  if (!/^[+-]?\d+$/.test(raw)) return 'notWholeNumber';
  const days = Number(raw);
  if (days < VALIDITY_DAYS_MIN || days > VALIDITY_DAYS_MAX) return 'outOfRange';
  return null;
};

/** The number of days once `validateValidityDays(text)` returned `null`. */
export const parseValidityDays = (text: string | number): number => Number(String(text).trim());

export type CouponCodeError = 'required' | 'tooLong';

/** The coupon code (ClearOn's offer id) is required and at most 64 characters once trimmed. */
export const validateCouponCode = (text: string | null | undefined): CouponCodeError | null => {
  const code = (text ?? '').trim();
  if (code === '') return 'required';
  if (code.length > COUPON_CODE_MAX_LENGTH) return 'tooLong';
  return null;
};

/** Reads a stored field value defensively: anything that is not a coupon reads as `null`. */
export const readCouponValue = (value: unknown): CouponValue | null => {
  if (typeof value === 'string') {
    try {
      return readCouponValue(JSON.parse(value));
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.couponCode !== 'string') return null;
  const days = typeof v.validityDays === 'number' ? v.validityDays : Number(v.validityDays);
  return {
    integration: typeof v.integration === 'string' && v.integration !== '' ? v.integration : null,
    couponCode: v.couponCode,
    validityDays: Number.isFinite(days) ? days : 0,
    delivery: v.delivery === 'automatic' ? 'automatic' : 'button',
  };
};
