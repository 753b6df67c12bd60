import type { Core } from '@strapi/strapi';
import { channelFor, deriveContact } from '../domain/answers';
import { evaluateOutcome } from '../domain/outcome';
import { getService } from '../utils/get-service';
import { UID } from '../utils/plugin-id';
import { newReference } from '../utils/random';
import { rememberCoupon } from '../utils/written-coupons';
import { safeError } from '../utils/describe-error';
import { canLinkDirectly, isMarkedForDirectLink, linkCampaign } from '../utils/campaign-link';
import { campaignOf, withCampaignLocale } from '../utils/participation-campaign';

type Data = Record<string, unknown>;

/**
 * Whatever creates a participation (the public API, the Content Manager, documents().create),
 * its coupon row is written in the same transaction: a rolled-back participation leaves none, a
 * committed one always has its pending coupon. ClearOn is called only after the commit.
 */
export const participationOutbox = (strapi: Core.Strapi) => {
  const outbox = writeWithCoupon(strapi);
  // A database error (a unique key, a constraint) leaves with its code only: its message holds the
  // participant's email, phone and answers as bound values, and Strapi's error log prints it whole.
  return (context: Parameters<typeof outbox>[0], next: () => Promise<unknown>) =>
    outbox(context, next).catch((error: unknown) => {
      throw safeError(error, 'participation.create');
    });
};

const writeWithCoupon =
  (strapi: Core.Strapi) =>
  async (
    context: { uid: string; action: string; params: { data?: Data } },
    next: () => Promise<unknown>
  ) => {
    if (context.uid !== UID.participation || context.action !== 'create') return next();

    const data = (context.params.data ??= {});
    data.reference ??= newReference();
    const campaign = await campaignOf(strapi, data.campaign, data.campaignLocale);
    if (campaign) {
      data.campaignLocale = campaign.locale ?? null;
      const answers = (data.answers ?? {}) as Record<string, string | boolean>;
      if (data.exitScreenIndex === undefined || data.exitScreenIndex === null) {
        Object.assign(data, evaluateOutcome(campaign, answers));
      }
      const derived = deriveContact(campaign, answers);
      data.email ??= derived.email;
      data.phone ??= derived.phone;
      data.firstName ??= derived.firstName;
      data.deliveryType ??= derived.deliveryType;
    }
    const screen =
      campaign && typeof data.exitScreenIndex === 'number'
        ? (campaign.exitScreens ?? [])[data.exitScreenIndex]
        : undefined;
    const referenceTitle = campaign
      ? (await getService(strapi, 'campaigns').findForParticipation(campaign.documentId))?.title
      : undefined;
    const limits = getService(strapi, 'limits');
    const plan = campaign
      ? await limits.prepare({
          campaign,
          contact: { email: data.email as string | null, phone: data.phone as string | null },
          withCoupon: Boolean(screen?.coupon),
        })
      : null;

    return strapi.db.transaction(async ({ onCommit, trx }) => {
      // The campaign's rules about people and stock, decided under row locks in this transaction.
      let withCoupon = Boolean(screen?.coupon);
      if (plan) {
        const decision = await limits.apply(trx, plan);
        if (withCoupon && !decision.coupon) data.couponUnavailable = 'cap_reached';
        withCoupon = decision.coupon;
      }

      // The plugin's own submit: the campaign is linked here rather than by the document service.
      const linkHere =
        campaign !== null &&
        typeof data.campaign === 'string' &&
        isMarkedForDirectLink(context.params) &&
        canLinkDirectly(strapi);
      if (linkHere) delete data.campaign;
      else if (campaign?.locale) data.campaign = withCampaignLocale(data.campaign, campaign.locale);
      const participation = (await next()) as { id: number; documentId: string };
      if (linkHere) await linkCampaign(strapi, trx, participation.id, campaign.documentId);
      // The webhook event, once the participation (and its coupon, if any) is committed.
      const announce = (coupon: { id: number; documentId: string; status: string } | null) =>
        onCommit(() => {
          const events = getService(strapi, 'webhook-events');
          events.participationCreated({
            documentId: participation.documentId,
            reference: data.reference as string,
            campaignDocumentId: campaign?.documentId ?? null,
            exitScreenIndex: typeof data.exitScreenIndex === 'number' ? data.exitScreenIndex : null,
            email: (data.email as string | null) ?? null,
            phone: (data.phone as string | null) ?? null,
            coupon:
              coupon && screen?.coupon ? { ...coupon, delivery: screen.coupon.delivery } : null,
          });
          // Written failed (its integration was deleted): the issuer never takes it.
          if (coupon?.status === 'failed') events.couponSettled(coupon.id, 'failed');
        });
      if (!campaign || !screen?.coupon || !withCoupon) {
        announce(null);
        return participation;
      }

      const contact = {
        email: (data.email as string | null) ?? null,
        phone: (data.phone as string | null) ?? null,
        deliveryType: (data.deliveryType as 'email' | 'sms' | null) ?? null,
      };
      const coupon = await getService(strapi, 'coupons').enqueue({
        participationId: participation.id,
        reference: data.reference as string,
        campaignDocumentId: campaign.documentId,
        settings: screen.coupon,
        channel: channelFor(screen.coupon.delivery, contact),
        // In hand already: the frozen request needs no read of the rows just written.
        recipient: {
          email: contact.email,
          phone: contact.phone,
          firstName: (data.firstName as string | null) ?? null,
        },
        // One name per campaign at ClearOn, whatever the participant's language.
        campaignName: referenceTitle ?? campaign.title,
      });
      rememberCoupon(participation, coupon);
      announce(coupon);
      onCommit(() => {
        // Everything the issuer needs is in hand: it claims the coupon without reading it back.
        void getService(strapi, 'issuer').issueNow(coupon.id, {
          ...coupon,
          participation: {
            email: contact.email,
            phone: contact.phone,
            firstName: (data.firstName as string | null) ?? null,
          },
          integration: coupon.integration ? { documentId: coupon.integration.documentId } : null,
        });
      });
      return participation;
    });
  };
