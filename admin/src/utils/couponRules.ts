/**
 * Pure rules behind the "Insert a ClearOn coupon" editor. The limits and the eligibility check are
 * the server's own (shared/contracts/coupon-settings.ts), so the editor is told before saving what
 * the server would refuse.
 */

import {
  COUPON_CODE_MAX_LENGTH,
  VALIDITY_DAYS_MAX,
  VALIDITY_DAYS_MIN,
  type CouponValue,
} from '../../../shared/contracts/coupon-settings';

export {
  COUPON_CODE_MAX_LENGTH,
  couponEligibility,
  VALIDITY_DAYS_MAX,
  VALIDITY_DAYS_MIN,
} from '../../../shared/contracts/coupon-settings';
export type {
  CampaignSnapshot,
  CouponDelivery,
  CouponEligibility,
  CouponValue,
  EligibilityReason,
} from '../../../shared/contracts/coupon-settings';

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
