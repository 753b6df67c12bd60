import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '../utils/errors';
import {
  conditionHolds,
  contactOf,
  missingRecipient,
  sourceKeyOf,
  triggerChannel,
  type Trigger,
} from '../domain/trigger';
import { ParticipationLimitError } from '../domain/limit-errors';
import { getPluginConfig } from '../utils/get-plugin-config';
import { getService } from '../utils/get-service';
import { maskEmail, maskPhone } from '../utils/mask';
import { newReference } from '../utils/random';
import type { CouponRow } from './coupons';

type Entry = Record<string, unknown> & { id: number; documentId: string; locale?: string | null };

/** `reject`: a refusal throws (the entry is not written); `record`: it is kept as a failed coupon. */
export type FireMode = 'reject' | 'record';

const refusal = (field: string, reason: string) =>
  new errors.ValidationError(`${field} ${reason}`, {
    errors: [{ path: [field], message: `${field} ${reason}`, name: 'ValidationError' }],
  });

/** The limit rows of a trigger live beside the campaigns', under a subject of their own. */
export const triggerSubject = (key: string) => `trigger:${key}`;

/**
 * The coupon of one entry of one trigger, written in the caller's transaction (the entry's own, or
 * the sweep's): its condition, its recipient, the campaign rules about people, then the outbox row,
 * unique per (trigger, content type, document, locale).
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  async fire(trx: Knex, trigger: Trigger, entry: Entry, mode: FireMode): Promise<CouponRow | null> {
    if (!conditionHolds(trigger, entry)) return null;
    const locale = entry.locale ?? '';
    const key = sourceKeyOf(trigger, entry.documentId, locale);
    // Strapi's double fires (create then publish, a publish that re-creates the published row) and
    // a sweep that finds an entry already served: one coupon per entry.
    if (await trx('clearon_coupons').where('source_key', key).first('id')) return null;

    const config = getPluginConfig(strapi);
    const contact = contactOf(trigger, entry, config.defaultCountry);
    const channel = triggerChannel(trigger, contact);
    const missing = missingRecipient(trigger, contact, channel);
    let failure: { code: string; message: string } | undefined;
    try {
      const problem = contact.invalid[0];
      if (problem) throw refusal(problem.field, problem.reason);
      if (missing) throw refusal(missing, 'must be filled in: the coupon is sent to it');
      const limits = getService(strapi, 'limits');
      const plan = await limits.prepare({
        campaign: {
          documentId: triggerSubject(trigger.key),
          participationLimit: trigger.participationLimit,
          limitPeriodHours: trigger.limitPeriodHours,
          maxCoupons: null,
        },
        contact,
        withCoupon: true,
      });
      await limits.apply(trx, plan);
    } catch (error) {
      const known =
        error instanceof ParticipationLimitError || error instanceof errors.BaseValidationError;
      if (mode === 'reject' || !known) throw error;
      failure = {
        code:
          error instanceof ParticipationLimitError
            ? `limit_${(error.details as { reason: string }).reason}`
            : 'invalid_entry',
        message: `Not sent: ${(error as Error).message}`,
      };
    }

    return getService(strapi, 'coupons').enqueue({
      participationId: null,
      reference: newReference(),
      campaignDocumentId: null,
      source: {
        triggerKey: trigger.key,
        uid: trigger.contentType,
        documentId: entry.documentId,
        locale,
        key,
        name: trigger.name,
      },
      settings: {
        integration: trigger.integration,
        couponCode: trigger.couponCode,
        validityDays: trigger.validityDays,
        delivery: trigger.delivery,
      },
      channel,
      recipient: { email: contact.email, phone: contact.phone, firstName: contact.firstName },
      recipientMasked: maskEmail(contact.email) ?? maskPhone(contact.phone),
      failure,
    });
  },

  /** After the commit: the issuer takes the coupon at once, as it does a participation's. */
  issueSoon(coupon: CouponRow) {
    if (coupon.status !== 'pending') return;
    // Its frozen request holds the recipient: no participation to read.
    void getService(strapi, 'issuer').issueNow(coupon.id, {
      ...coupon,
      participation: null,
      integration: coupon.integration ? { documentId: coupon.integration.documentId } : null,
    });
  },
});

export default service;
