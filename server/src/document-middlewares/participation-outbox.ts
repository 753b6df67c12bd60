import type { Core } from '@strapi/strapi';
import { channelFor, deriveContact } from '../domain/answers';
import { evaluateOutcome } from '../domain/outcome';
import { getService } from '../utils/get-service';
import { UID } from '../utils/plugin-id';
import { newReference } from '../utils/random';
import { rememberCoupon } from '../utils/written-coupons';
import { canLinkDirectly, isMarkedForDirectLink, linkCampaign } from '../utils/campaign-link';

type Data = Record<string, unknown>;

/** The campaign's documentId from whatever relation syntax the caller used. */
const campaignRef = (value: unknown): string | number | null => {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    const v = value as { documentId?: string; id?: number; connect?: unknown; set?: unknown };
    if (v.documentId) return v.documentId;
    if (typeof v.id === 'number') return v.id;
    const list = (v.connect ?? v.set) as unknown[] | undefined;
    if (Array.isArray(list) && list.length > 0) return campaignRef(list[0]);
  }
  return null;
};

/**
 * Whatever creates a participation (the public API, the Content Manager, documents().create),
 * its coupon row is written in the same transaction: a rolled-back participation leaves none, a
 * committed one always has its pending coupon. ClearOn is called only after the commit.
 */
export const participationOutbox =
  (strapi: Core.Strapi) =>
  async (
    context: { uid: string; action: string; params: { data?: Data } },
    next: () => Promise<unknown>
  ) => {
    if (context.uid !== UID.participation || context.action !== 'create') return next();

    return strapi.db.transaction(async ({ onCommit, trx }) => {
      const data = (context.params.data ??= {});
      data.reference ??= newReference();
      const ref = campaignRef(data.campaign);
      const campaignDocumentId =
        typeof ref === 'number'
          ? ((
              await strapi.db
                .query(UID.campaign)
                .findOne({ where: { id: ref }, select: ['documentId'] })
            )?.documentId as string | undefined)
          : ref;
      const campaign = campaignDocumentId
        ? await getService(strapi, 'campaigns').findForParticipation(campaignDocumentId)
        : null;

      if (campaign) {
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

      // The plugin's own submit: the campaign is linked here rather than by the document service.
      const linkHere =
        campaign !== null &&
        typeof data.campaign === 'string' &&
        isMarkedForDirectLink(context.params) &&
        canLinkDirectly(strapi);
      if (linkHere) delete data.campaign;
      const participation = (await next()) as { id: number; documentId: string };
      if (linkHere) await linkCampaign(strapi, trx, participation.id, campaign.documentId);
      const screen =
        campaign && typeof data.exitScreenIndex === 'number'
          ? (campaign.exitScreens ?? [])[data.exitScreenIndex]
          : undefined;
      if (!campaign || !screen?.coupon) return participation;

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
      });
      rememberCoupon(participation, coupon);
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
