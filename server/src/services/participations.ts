import type { Core } from '@strapi/strapi';
import type { Campaign } from '../domain/campaign';
import type { ValidatedAnswers } from '../domain/answers';
import { evaluateOutcome } from '../domain/outcome';
import { renderExitScreenBody } from '../domain/blocks';
import { escapeHtml, renderTemplate } from '../domain/render';
import { getService } from '../utils/get-service';
import { UID } from '../utils/plugin-id';
import { pluginDocuments } from '../utils/plugin-documents';
import { hashToken, newReference, newToken } from '../utils/random';
import { retryOnDeadlock } from '../utils/retry-on-deadlock';
import type { CouponRow } from './coupons';
import { couponWrittenWith } from '../utils/written-coupons';
import { linkCampaignDirectly } from '../utils/campaign-link';

export interface ParticipationRow {
  id: number;
  documentId: string;
  reference: string;
  answers: Record<string, string | boolean> | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  deliveryType: 'email' | 'sms' | null;
  score: number | null;
  profile: string | null;
  exitScreenIndex: number | null;
  tokenHash: string | null;
  couponUnavailable?: 'cap_reached' | null;
  erasedAt?: string | null;
  /** The campaign locale the participant took part in (its exit screen is shown in it). */
  campaignLocale?: string | null;
  campaign?: { documentId: string } | null;
}

export interface PublicCoupon {
  status: 'pending' | 'issued' | 'failed';
  delivery: 'automatic' | 'button';
  channel: 'email' | 'sms' | 'none';
  code?: string;
  redeemUrl?: string;
  expiresAt?: string;
}

/** The campaign ran out of coupons before this participation: the editor's text instead. */
export interface UnavailableCoupon {
  status: 'unavailable';
  reason: 'cap_reached';
  message: string;
}

const DEFAULT_NO_COUPONS_TEXT = 'All the coupons of this campaign have been given out.';

const publicCoupon = (coupon: CouponRow | null): PublicCoupon | null => {
  if (!coupon) return null;
  // needs_attention: ClearOn may have made the coupon, an admin looks into it; pending to the participant.
  const status =
    coupon.status === 'issued'
      ? 'issued'
      : coupon.status === 'pending' || coupon.status === 'needs_attention'
        ? 'pending'
        : 'failed';
  const view: PublicCoupon = { status, delivery: coupon.delivery, channel: coupon.channel };
  // Automatic coupons are ClearOn's to send: the participant's page never shows them.
  if (status === 'issued' && coupon.delivery === 'button') {
    view.code = coupon.code ?? undefined;
    view.redeemUrl = coupon.redeemUrl ?? undefined;
    view.expiresAt = coupon.expiresAt ?? undefined;
  }
  return view;
};

const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Creates the participation; the document middleware writes its coupon (if its exit screen has
   * one) in the same transaction, and hands it back here.
   */
  async submit(
    campaign: Campaign,
    validated: ValidatedAnswers,
    keyed?: { submissionKey: string; token: string }
  ) {
    const token = keyed?.token ?? newToken();
    const outcome = evaluateOutcome(campaign, validated.answers);
    // The document middlewares change the params they are given: each attempt builds its own.
    const create = () =>
      pluginDocuments<ParticipationRow>(strapi, 'participation').create(
        linkCampaignDirectly({
          data: {
            campaign: campaign.documentId,
            reference: newReference(),
            answers: validated.answers,
            email: validated.email,
            phone: validated.phone,
            firstName: validated.firstName,
            deliveryType: validated.deliveryType,
            score: outcome.score,
            profile: outcome.profile,
            exitScreenIndex: outcome.exitScreenIndex,
            tokenHash: hashToken(token),
            submissionKey: keyed?.submissionKey ?? null,
            campaignLocale: campaign.locale ?? null,
          },
        })
      );
    const participation = await retryOnDeadlock(create);
    // Another plugin's document middleware may have replaced the object the outbox keyed it by:
    // then the coupon is read back.
    const hasCoupon =
      outcome.exitScreenIndex !== null &&
      !participation.couponUnavailable &&
      Boolean((campaign.exitScreens ?? [])[outcome.exitScreenIndex]?.coupon);
    const coupon =
      couponWrittenWith(participation) ??
      (hasCoupon
        ? await getService(strapi, 'coupons').findByParticipation(participation.documentId)
        : null);
    return { participation, token, coupon };
  },

  /** The participation made earlier with this Idempotency-Key (its hash), if any. */
  findBySubmissionKey(submissionKey: string) {
    return strapi.db
      .query(UID.participation)
      .findOne({ where: { submissionKey } }) as Promise<ParticipationRow | null>;
  },

  findByDocumentId(documentId: string) {
    return strapi.db.query(UID.participation).findOne({
      where: { documentId },
      populate: { campaign: { select: ['documentId'] } },
    }) as Promise<ParticipationRow | null>;
  },

  /** The participant's view: the exit screen rendered with their values, and their coupon. */
  toPublicView(
    participation: ParticipationRow,
    campaign: Campaign | null,
    coupon: CouponRow | null
  ) {
    const screen =
      campaign && participation.exitScreenIndex != null
        ? (campaign.exitScreens ?? [])[participation.exitScreenIndex]
        : undefined;
    const couponView = publicCoupon(coupon);
    const unavailable: UnavailableCoupon | null =
      participation.couponUnavailable && !couponView
        ? {
            status: 'unavailable',
            reason: participation.couponUnavailable,
            // Plain text: a page sets it as text, never as markup.
            message: screen?.noCouponsText?.trim() || DEFAULT_NO_COUPONS_TEXT,
          }
        : null;
    const answers = participation.answers ?? {};
    const byVariable: Record<string, unknown> = {};
    for (const field of campaign?.fields ?? []) {
      if (field.mappingVariable && field.key in answers)
        byVariable[field.mappingVariable] = answers[field.key];
    }
    const variables: Record<string, unknown> = {
      ...answers,
      ...byVariable,
      firstname: participation.firstName,
      firstName: participation.firstName,
      email: participation.email,
      phone: participation.phone,
      score: participation.score,
      profile: participation.profile,
      'coupon.code': couponView?.code,
      'coupon.redeemUrl': couponView?.redeemUrl,
      'coupon.expiresAt': couponView?.expiresAt,
    };
    return {
      id: participation.documentId,
      exitScreen: screen
        ? {
            title: renderTemplate(escapeHtml(screen.title), variables),
            ...renderExitScreenBody(screen.body, variables),
          }
        : null,
      coupon: unavailable ?? couponView,
    };
  },
});

export default service;
