/** The campaign as the plugin reads it (document with its components populated). */
export type CampaignMode = 'identified' | 'anonymous';
export type CampaignFormat = 'form' | 'quiz' | 'personality-test';
export type FieldType = 'text' | 'email' | 'phone' | 'choice' | 'checkbox' | 'hidden';
export type CouponDelivery = 'automatic' | 'button';
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
  body?: string | null;
  match: 'default' | 'score' | 'profile';
  minScore?: number | null;
  maxScore?: number | null;
  profile?: string | null;
  coupon?: CouponSettings | null;
}

export interface Campaign {
  id?: number;
  documentId: string;
  title: string;
  slug: string;
  mode: CampaignMode;
  format: CampaignFormat;
  startsAt?: string | null;
  endsAt?: string | null;
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
