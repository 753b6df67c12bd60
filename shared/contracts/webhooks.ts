/**
 * The plugin's webhook events, delivered by Strapi's own webhook runner (`X-Strapi-Event` header,
 * body `{ event, createdAt, ...payload }`), and the settings routes that subscribe webhooks to them
 * (`/clearon/webhooks`, server/src/routes/webhooks.ts).
 */
import type { CouponChannel } from './coupons';
import type { CouponDelivery } from './coupon-settings';

export const WEBHOOK_EVENTS = {
  participationCreated: 'clearon.participation.created',
  couponIssued: 'clearon.coupon.issued',
  couponFailed: 'clearon.coupon.failed',
  couponDead: 'clearon.coupon.dead',
} as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[keyof typeof WEBHOOK_EVENTS];

/** In the order the settings page shows them. */
export const WEBHOOK_EVENT_LIST: readonly WebhookEvent[] = Object.values(WEBHOOK_EVENTS);

/** The keys they are registered under in Strapi's webhook store (`addAllowedEvent(key, event)`). */
export const WEBHOOK_EVENT_KEYS: Record<WebhookEvent, string> = {
  'clearon.participation.created': 'CLEARON_PARTICIPATION_CREATED',
  'clearon.coupon.issued': 'CLEARON_COUPON_ISSUED',
  'clearon.coupon.failed': 'CLEARON_COUPON_FAILED',
  'clearon.coupon.dead': 'CLEARON_COUPON_DEAD',
};

export const isWebhookEvent = (value: unknown): value is WebhookEvent =>
  typeof value === 'string' && (WEBHOOK_EVENT_LIST as readonly string[]).includes(value);

/** One of the app's Strapi webhooks as `GET /clearon/webhooks` lists it. */
export interface WebhookSubscription {
  id: string;
  name: string;
  /** Scheme, host and path only: no credentials, query or fragment. */
  url: string;
  isEnabled: boolean;
  /** The plugin's events it is subscribed to. */
  events: WebhookEvent[];
  /** Its other (Strapi) events, kept as they are by an update. */
  otherEvents: string[];
}

/** `PUT /clearon/webhooks/:id`: the plugin events the webhook gets from now on. */
export interface WebhookSubscriptionBody {
  events: WebhookEvent[];
}

/** The coupon in a `clearon.coupon.*` payload. Never an email, a phone or an answer. */
export interface CouponWebhookPayload {
  id: number;
  documentId: string;
  reference: string;
  status: 'issued' | 'failed' | 'dead';
  delivery: CouponDelivery;
  channel: CouponChannel;
  /** The campaign's documentId (campaign coupons). */
  campaign: string | null;
  /** The trigger and the entry that caused it (trigger coupons). */
  trigger: {
    key: string;
    uid: string | null;
    documentId: string | null;
    locale: string | null;
  } | null;
  /** The participation's documentId (campaign coupons). */
  participation: string | null;
  /** e.g. `a***@example.se`, `+4670*****67`. */
  recipient: string | null;
  /** Button coupons only: what the exit screen shows. */
  code?: string | null;
  redeemUrl?: string | null;
  expiresAt: string | null;
  issuedAt: string | null;
  attempts: number;
  /** Failed and dead coupons: why, as a code (e.g. `unknown_coupon`, `server_error`). */
  errorCode: string | null;
}

/** The participation in a `clearon.participation.created` payload. */
export interface ParticipationWebhookPayload {
  documentId: string;
  reference: string;
  campaign: string | null;
  exitScreenIndex: number | null;
  recipient: string | null;
  /** Its coupon as written with it (pending), or null: no coupon for this outcome. */
  coupon: { id: number; documentId: string; status: string; delivery: CouponDelivery } | null;
}
