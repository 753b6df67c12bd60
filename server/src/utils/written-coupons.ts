import type { CouponRow } from '../services/coupons';

/**
 * The coupon the outbox middleware wrote with each participation, keyed by the participation object
 * the document service returned: whoever created it gets its coupon without reading it back.
 */
const written = new WeakMap<object, CouponRow>();

export const rememberCoupon = (participation: object, coupon: CouponRow) => {
  written.set(participation, coupon);
};

export const couponWrittenWith = (participation: object) => written.get(participation) ?? null;
