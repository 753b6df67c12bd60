import type { CouponDelivery } from '../../../shared/contracts/coupon-settings';

/** The campaign as the plugin reads it (document with its components populated). */
export type CampaignMode = 'identified' | 'anonymous';
export type CampaignFormat = 'form' | 'quiz' | 'personality-test';
export type FieldType = 'text' | 'email' | 'phone' | 'choice' | 'checkbox' | 'hidden';
export type { CouponDelivery };
export type Channel = 'email' | 'sms' | 'none';

export interface FieldOption {
  label: string;
  value: string;
}

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean | null;
  options?: FieldOption[] | null;
  hiddenValue?: string | null;
  mappingVariable?: string | null;
  showWhenField?: string | null;
  showWhenValue?: string | null;
}

export interface QuizAnswer {
  label: string;
  value: string;
  points?: number | null;
  profile?: string | null;
}

export interface QuizQuestion {
  key: string;
  label: string;
  answers?: QuizAnswer[] | null;
}

export interface CouponSettings {
  integration?: string | null;
  couponCode: string;
  validityDays: number;
  delivery: CouponDelivery;
}

export interface ExitScreen {
  title: string;
  /** Blocks rich text (a legacy text / HTML string only before the migration, or from old code). */
  body?: unknown[] | string | null;
  match: 'default' | 'score' | 'profile';
  minScore?: number | null;
  maxScore?: number | null;
  profile?: string | null;
  /** Shown instead of the coupon once the campaign's cap is reached. */
  noCouponsText?: string | null;
  coupon?: CouponSettings | null;
}

export type ParticipationLimit = 'once' | 'oncePerPeriod' | 'unlimited';

export interface Campaign {
  id?: number;
  documentId: string;
  /** The i18n locale of this version of the campaign (texts differ per locale, structure does not). */
  locale?: string | null;
  title: string;
  slug: string;
  mode: CampaignMode;
  format: CampaignFormat;
  startsAt?: string | null;
  endsAt?: string | null;
  /** How often one person may take part; null reads as `once`. */
  participationLimit?: ParticipationLimit | null;
  limitPeriodHours?: number | null;
  /** The editor's explicit override that lets a campaign with a coupon be `unlimited`. */
  allowUnlimitedWithCoupon?: boolean | null;
  /** At most this many coupons for the campaign (null: no cap). */
  maxCoupons?: number | null;
  lowStockThreshold?: number | null;
  /** A CAPTCHA checked on the server before a participation is written (null reads as none). */
  captcha?: 'none' | 'turnstile' | 'hcaptcha' | null;
  fields?: FormField[] | null;
  questions?: QuizQuestion[] | null;
  exitScreens?: ExitScreen[] | null;
}

export const CAMPAIGN_POPULATE = {
  fields: { populate: ['options'] },
  questions: { populate: ['answers'] },
  exitScreens: true,
} as const;

export const DELIVERY_TYPE_VARIABLE = 'deliveryType';
