/**
 * Coupon triggers: a coupon for each entry of one of the app's own collection types (`api::…`),
 * declared in the plugin config or in Settings → ClearOn → Coupon triggers
 * (`/clearon/triggers`, server/src/routes/triggers.ts).
 */
import type { CouponDelivery } from './coupon-settings';

/** `create`: when an entry is created; `publish`: when it is first published (draft & publish). */
export type TriggerEvent = 'create' | 'publish';
export const TRIGGER_EVENTS: readonly TriggerEvent[] = ['create', 'publish'];

/** How an Automatic coupon is sent: always by email, always by SMS, or as the entry's field says. */
export type TriggerChannel = 'email' | 'sms' | 'entry';
export const TRIGGER_CHANNELS: readonly TriggerChannel[] = ['email', 'sms', 'entry'];

export type TriggerParticipationLimit = 'once' | 'oncePerPeriod' | 'unlimited';
export const TRIGGER_PARTICIPATION_LIMITS: readonly TriggerParticipationLimit[] = [
  'once',
  'oncePerPeriod',
  'unlimited',
];

/** Lower-case letters, digits and dashes, 2 to 40 characters, starting with a letter. */
export const TRIGGER_KEY_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const TRIGGER_NAME_MAX = 120;

/** Which entry field holds what (attribute names of the content type). */
export interface TriggerMapping {
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  /** A field whose value is `email` or `sms` (used when the channel is `entry`). */
  deliveryType?: string | null;
}

/** Only entries whose `field` equals `equals` get a coupon (e.g. an opt-in ticked). */
export interface TriggerCondition {
  field: string;
  equals: string | number | boolean;
}

export interface TriggerInput {
  key: string;
  name: string;
  contentType: string;
  event: TriggerEvent;
  enabled?: boolean;
  /** The integration's documentId; `null`: the default integration at issuing time. */
  integration?: string | null;
  couponCode: string;
  validityDays: number;
  delivery: CouponDelivery;
  channel?: TriggerChannel;
  mapping: TriggerMapping;
  condition?: TriggerCondition | null;
  participationLimit?: TriggerParticipationLimit;
  limitPeriodHours?: number | null;
}

/** The fields of a trigger, as `POST /clearon/triggers` takes them and the database stores them. */
export const TRIGGER_FIELDS = [
  'key',
  'name',
  'contentType',
  'event',
  'enabled',
  'integration',
  'couponCode',
  'validityDays',
  'delivery',
  'channel',
  'mapping',
  'condition',
  'participationLimit',
  'limitPeriodHours',
] as const satisfies ReadonlyArray<keyof TriggerInput>;

/** A trigger as `GET /clearon/triggers` lists it. */
export interface Trigger extends Required<Omit<TriggerInput, 'condition' | 'limitPeriodHours'>> {
  condition: TriggerCondition | null;
  limitPeriodHours: number | null;
  /** `config`: declared in config/plugins (read-only in the admin); `admin`: made in the settings. */
  source: 'config' | 'admin';
}

/** The attribute types a mapping or a condition may name (Strapi's scalar types). */
export const MAPPABLE_TYPES = {
  email: ['email', 'string', 'text'],
  phone: ['string', 'text'],
  firstName: ['string', 'text'],
  deliveryType: ['enumeration', 'string'],
  condition: ['boolean', 'enumeration', 'string', 'email', 'integer', 'biginteger', 'uid'],
} as const;

/** One of the app's collection types, as the settings page offers it. */
export interface TriggerContentType {
  uid: string;
  displayName: string;
  draftAndPublish: boolean;
  localized: boolean;
  fields: Array<{ name: string; type: string; enum?: string[] }>;
}

/** `GET /clearon/trigger-options` (coupons.read): the dashboard's trigger filter. */
export interface TriggerOption {
  key: string;
  name: string;
  contentType: string;
}

/** One coupon of an entry (`GET /clearon/triggers/entry-coupons`), for the Content Manager panel. */
export interface EntryCoupon {
  id: number;
  trigger: string;
  /** The trigger's name (its key when the trigger was removed since). */
  triggerName: string;
  locale: string;
  status: 'pending' | 'issued' | 'failed' | 'dead' | 'needs_attention';
  recipient: string | null;
  delivery: CouponDelivery;
  /** Button coupons only, once issued. */
  code: string | null;
  redeemUrl: string | null;
  lastErrorCode: string | null;
  createdAt: string;
}
