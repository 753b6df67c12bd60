import type { Core, Modules } from '@strapi/strapi';
import {
  WEBHOOK_EVENTS,
  WEBHOOK_EVENT_KEYS,
  WEBHOOK_EVENT_LIST,
  type CouponWebhookPayload,
  type ParticipationWebhookPayload,
  type WebhookEvent,
} from '../../../shared/contracts/webhooks';
import { describeError, isDatabaseError } from '../utils/describe-error';
import { maskEmail, maskPhone } from '../utils/mask';
import { UID } from '../utils/plugin-id';

/** Makes the plugin's events subscribable: `POST /admin/webhooks` refuses events it does not know. */
export const registerWebhookEvents = (strapi: Core.Strapi) => {
  const store = strapi.get('webhookStore') as Modules.WebhookStore.WebhookStore;
  for (const event of WEBHOOK_EVENT_LIST) store.addAllowedEvent(WEBHOOK_EVENT_KEYS[event], event);
};

const COUPON_EVENTS: Partial<Record<string, WebhookEvent>> = {
  issued: WEBHOOK_EVENTS.couponIssued,
  failed: WEBHOOK_EVENTS.couponFailed,
  dead: WEBHOOK_EVENTS.couponDead,
};

/**
 * Why an event was not emitted, for the log: a database error by its code, any other error (a
 * listener's, whose message may quote anything) by its name only.
 */
const reasonOf = (error: unknown, event: string) => {
  if (isDatabaseError(error)) return describeError(error, event);
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) ? name : 'Error';
};

const masked = (email: string | null | undefined, phone: string | null | undefined) =>
  maskEmail(email) ?? maskPhone(phone) ?? null;

const iso = (value: unknown) => {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

interface CouponRead {
  id: number;
  documentId: string;
  reference: string;
  delivery: CouponWebhookPayload['delivery'];
  channel: CouponWebhookPayload['channel'];
  campaignDocumentId: string | null;
  triggerKey: string | null;
  sourceUid: string | null;
  sourceDocumentId: string | null;
  sourceLocale: string | null;
  recipientMasked: string | null;
  code: string | null;
  redeemUrl: string | null;
  expiresAt: unknown;
  issuedAt: unknown;
  attempts: number | null;
  lastErrorCode: string | null;
  participation: { documentId: string; email: string | null; phone: string | null } | null;
}

/** The coupon as a webhook gets it: ids, campaign or trigger, status, masked recipient. */
export const couponPayload = (
  row: CouponRead,
  status: CouponWebhookPayload['status']
): CouponWebhookPayload => ({
  id: row.id,
  documentId: row.documentId,
  reference: row.reference,
  status,
  delivery: row.delivery,
  channel: row.channel,
  campaign: row.campaignDocumentId ?? null,
  trigger: row.triggerKey
    ? {
        key: row.triggerKey,
        uid: row.sourceUid ?? null,
        documentId: row.sourceDocumentId ?? null,
        locale: row.sourceLocale ?? null,
      }
    : null,
  participation: row.participation?.documentId ?? null,
  recipient: row.participation
    ? masked(row.participation.email, row.participation.phone)
    : (row.recipientMasked ?? null),
  // The code and link are the participant's to see on the exit screen; ClearOn sends Automatic ones.
  ...(row.delivery === 'button' && status === 'issued'
    ? { code: row.code ?? null, redeemUrl: row.redeemUrl ?? null }
    : {}),
  expiresAt: iso(row.expiresAt),
  issuedAt: iso(row.issuedAt),
  attempts: Number(row.attempts ?? 0),
  errorCode: status === 'issued' ? null : (row.lastErrorCode ?? null),
});

export interface CreatedParticipation {
  documentId: string;
  reference: string;
  campaignDocumentId: string | null;
  exitScreenIndex: number | null;
  email: string | null;
  phone: string | null;
  coupon: {
    id: number;
    documentId: string;
    status: string;
    delivery: 'automatic' | 'button';
  } | null;
}

/**
 * Puts the plugin's events on Strapi's event hub, where Strapi's webhook runner picks them up for
 * the webhooks subscribed to them. Nothing here throws, waits for delivery or logs personal data:
 * the issuer and the participation never wait for a webhook.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const failed = (event: string) => (error: unknown) =>
    strapi.log.warn(`[clearon] webhook event ${event} not emitted: ${reasonOf(error, event)}`);

  /**
   * Whether an enabled webhook of this instance listens to the event: spares the coupon's read when
   * none does. Read from the runner's map (not part of its typed API): when it is not there, yes.
   */
  const subscribed = (event: WebhookEvent) => {
    const map: unknown = Reflect.get(strapi.get('webhookRunner') as object, 'webhooksMap');
    if (!(map instanceof Map)) return true;
    const webhooks = (map.get(event) ?? []) as Array<{ isEnabled?: boolean }>;
    return webhooks.some((webhook) => webhook.isEnabled === true);
  };

  const emit = async (event: WebhookEvent, info: Record<string, unknown>) => {
    await strapi.eventHub.emit(event, info);
  };

  const readCoupon = async (id: number) =>
    (await strapi.db.query(UID.coupon).findOne({
      where: { id },
      populate: { participation: { select: ['documentId', 'email', 'phone'] } },
    })) as CouponRead | null;

  return {
    /** After the participation's transaction committed. */
    participationCreated(input: CreatedParticipation) {
      const event = WEBHOOK_EVENTS.participationCreated;
      try {
        const participation: ParticipationWebhookPayload = {
          documentId: input.documentId,
          reference: input.reference,
          campaign: input.campaignDocumentId,
          exitScreenIndex: input.exitScreenIndex,
          recipient: masked(input.email, input.phone),
          coupon: input.coupon
            ? {
                id: input.coupon.id,
                documentId: input.coupon.documentId,
                status: input.coupon.status,
                delivery: input.coupon.delivery,
              }
            : null,
        };
        emit(event, { participation }).catch(failed(event));
      } catch (error) {
        failed(event)(error);
      }
    },

    /** After the issuer wrote a coupon's result; only issued, failed and dead are events. */
    couponSettled(id: number, status: string) {
      const event = COUPON_EVENTS[status];
      if (!event) return;
      const send = async () => {
        if (!subscribed(event)) return;
        const row = await readCoupon(id);
        if (!row) return;
        await emit(event, { coupon: couponPayload(row, status as CouponWebhookPayload['status']) });
      };
      try {
        send().catch(failed(event));
      } catch (error) {
        failed(event)(error);
      }
    },
  };
};

export default service;
