import {
  COUPON_CODE_MAX_LENGTH,
  couponEligibility,
  VALIDITY_DAYS_MAX,
  VALIDITY_DAYS_MIN,
} from '../../../shared/contracts/coupon-settings';
import type { Campaign, CouponSettings, FormField } from './campaign';

/** The two checks behind "Insert a ClearOn coupon" (the admin button applies the same ones). */
export { couponEligibility };

export interface RuleError {
  path: string[];
  message: string;
}

export const KEY_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

export const ELIGIBILITY_MESSAGES = {
  mode: 'a coupon needs the campaign mode to be "identified"',
  contact: 'a coupon needs the form to have an email or a phone field',
} as const;

export const validateCouponSettings = (coupon: unknown, path: string[]): RuleError[] => {
  if (typeof coupon !== 'object' || coupon === null || Array.isArray(coupon)) {
    return [
      { path, message: 'must be an object {couponCode, validityDays, delivery, integration}' },
    ];
  }
  const c = coupon as Partial<CouponSettings> & Record<string, unknown>;
  const errors: RuleError[] = [];
  const allowed = ['couponCode', 'validityDays', 'delivery', 'integration'];
  for (const key of Object.keys(c)) {
    if (!allowed.includes(key))
      errors.push({ path: [...path, key], message: 'is not a coupon setting' });
  }
  if (
    typeof c.couponCode !== 'string' ||
    c.couponCode.trim().length < 1 ||
    c.couponCode.length > COUPON_CODE_MAX_LENGTH
  ) {
    errors.push({
      path: [...path, 'couponCode'],
      message: `must be 1 to ${COUPON_CODE_MAX_LENGTH} characters`,
    });
  }
  if (
    typeof c.validityDays !== 'number' ||
    !Number.isInteger(c.validityDays) ||
    c.validityDays < VALIDITY_DAYS_MIN ||
    c.validityDays > VALIDITY_DAYS_MAX
  ) {
    errors.push({
      path: [...path, 'validityDays'],
      message: `must be a whole number from ${VALIDITY_DAYS_MIN} to ${VALIDITY_DAYS_MAX}`,
    });
  }
  if (c.delivery !== 'automatic' && c.delivery !== 'button') {
    errors.push({ path: [...path, 'delivery'], message: 'must be "automatic" or "button"' });
  }
  if (c.integration != null && (typeof c.integration !== 'string' || c.integration.length > 64)) {
    errors.push({ path: [...path, 'integration'], message: 'must be an integration id or null' });
  }
  return errors;
};

const fieldErrors = (fields: FormField[]): RuleError[] => {
  const errors: RuleError[] = [];
  const keys = new Set<string>();
  fields.forEach((field, i) => {
    const path = ['fields', String(i)];
    if (!KEY_RE.test(field.key ?? '')) {
      errors.push({
        path: [...path, 'key'],
        message: 'must start with a letter and hold only letters, digits and _',
      });
    } else if (keys.has(field.key)) {
      errors.push({ path: [...path, 'key'], message: `"${field.key}" is used by another field` });
    }
    keys.add(field.key);
    if (field.type === 'choice' && (field.options ?? []).length === 0) {
      errors.push({
        path: [...path, 'options'],
        message: 'a choice field needs at least one option',
      });
    }
    if (
      field.showWhenField &&
      !fields.some((other) => other.key === field.showWhenField && other !== field)
    ) {
      errors.push({
        path: [...path, 'showWhenField'],
        message: `no field "${field.showWhenField}" in this form`,
      });
    }
    const shownWhen = fields.find((other) => other.key === field.showWhenField);
    if (
      shownWhen?.type === 'choice' &&
      !(shownWhen.options ?? []).some((option) => option.value === field.showWhenValue)
    ) {
      errors.push({
        path: [...path, 'showWhenValue'],
        message: `"${field.showWhenValue ?? ''}" is not a value of the choice field "${shownWhen.key}"`,
      });
    }
  });
  return errors;
};

const isWholeAtLeast = (value: unknown, min: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min;

/** Participation limit and cap settings. */
const limitErrors = (campaign: Campaign): RuleError[] => {
  const errors: RuleError[] = [];
  const limit = campaign.participationLimit ?? 'once';
  if (limit === 'oncePerPeriod') {
    const hours = campaign.limitPeriodHours;
    if (!isWholeAtLeast(hours, 1) || (hours as number) > 8760) {
      errors.push({
        path: ['limitPeriodHours'],
        message: 'must be a whole number of hours from 1 to 8760 when the limit is "oncePerPeriod"',
      });
    }
  }
  const hasCoupon = (campaign.exitScreens ?? []).some((screen) => Boolean(screen.coupon));
  if (limit === 'unlimited' && hasCoupon && campaign.allowUnlimitedWithCoupon !== true) {
    errors.push({
      path: ['participationLimit'],
      message:
        'a campaign with a coupon cannot be "unlimited" unless allowUnlimitedWithCoupon is ticked: anyone could collect any number of coupons',
    });
  }
  if (campaign.maxCoupons != null && !isWholeAtLeast(campaign.maxCoupons, 1)) {
    errors.push({
      path: ['maxCoupons'],
      message: 'must be a whole number of at least 1, or empty',
    });
  }
  if (campaign.lowStockThreshold != null && !isWholeAtLeast(campaign.lowStockThreshold, 0)) {
    errors.push({
      path: ['lowStockThreshold'],
      message: 'must be a whole number of at least 0, or empty',
    });
  }
  return errors;
};

/** The rules a campaign must satisfy to be saved; the coupon rule first, as editors meet it. */
export const validateCampaign = (campaign: Campaign): RuleError[] => {
  const errors: RuleError[] = [];
  const screens = campaign.exitScreens ?? [];
  const eligibility = couponEligibility(campaign);
  screens.forEach((screen, i) => {
    if (!screen.coupon) return;
    const path = ['exitScreens', String(i), 'coupon'];
    for (const reason of eligibility.reasons)
      errors.push({ path, message: ELIGIBILITY_MESSAGES[reason] });
    errors.push(...validateCouponSettings(screen.coupon, path));
  });
  errors.push(...fieldErrors(campaign.fields ?? []));
  errors.push(...limitErrors(campaign));
  if (
    campaign.startsAt &&
    campaign.endsAt &&
    new Date(campaign.endsAt) <= new Date(campaign.startsAt)
  ) {
    errors.push({ path: ['endsAt'], message: 'must be after startsAt' });
  }
  return errors;
};
