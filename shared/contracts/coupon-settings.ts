/**
 * The coupon an exit screen carries (custom field `plugin::clearon.coupon`): its shape, its limits and
 * the two checks behind "Insert a ClearOn coupon". The server refuses a campaign that breaks them
 * (server/src/domain/campaign-rules.ts); the admin's editor says so before saving
 * (admin/src/utils/couponRules.ts).
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

/** The coupon code (ClearOn's offer id): 1 to 64 characters. */
export const COUPON_CODE_MAX_LENGTH = 64;
/** How many days the coupon is valid: a whole number from 1 to 3650. */
export const VALIDITY_DAYS_MIN = 1;
export const VALIDITY_DAYS_MAX = 3650;

export type EligibilityReason = 'mode' | 'contact';

export interface CouponEligibility {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/** What the eligibility check reads from a campaign (saved, or the live form values). */
export interface CampaignSnapshot {
  mode?: string | null;
  fields?: ReadonlyArray<{ type?: string | null } | null | undefined> | null;
}

/**
 * A coupon needs an identified campaign (mode `identified`) whose form collects an email or a
 * phone number. `reasons` lists every check that fails, in the order the editor should fix them.
 */
export const couponEligibility = <Field extends { type?: string | null }>({
  mode,
  fields,
}: {
  mode?: string | null;
  fields?: ReadonlyArray<Field | null | undefined> | null;
}): CouponEligibility => {
  const reasons: EligibilityReason[] = [];
  if (mode !== 'identified') reasons.push('mode');
  const hasContact = (fields ?? []).some(
    (field) => field?.type === 'email' || field?.type === 'phone'
  );
  if (!hasContact) reasons.push('contact');
  return { eligible: reasons.length === 0, reasons };
};
