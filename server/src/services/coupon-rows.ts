import type { Channel, CouponSettings } from '../domain/campaign';
import { maskEmail, maskPhone } from '../utils/mask';
import { pick } from '../utils/pick';
import type { AdminCoupon, CouponFilters, CouponStatus } from '../../../shared/contracts/coupons';

/** The coupon rows as the coupons service reads and writes them, and the admin's view of one. */
export interface CouponRow {
  id: number;
  documentId: string;
  reference: string;
  campaignDocumentId: string | null;
  triggerKey?: string | null;
  sourceUid?: string | null;
  sourceDocumentId?: string | null;
  sourceLocale?: string | null;
  sourceKey?: string | null;
  recipientMasked?: string | null;
  couponCode: string;
  validityDays: number;
  delivery: 'automatic' | 'button';
  channel: Channel;
  status: CouponStatus;
  attempts: number;
  retriedAt?: string | null;
  incompleteAnswers?: number | null;
  /** The frozen ClearOn request body (private: never in an API answer). */
  requestBody?: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  clearonCouponId: string | null;
  code: string | null;
  redeemUrl: string | null;
  expiresAt: string | null;
  issuedAt: string | null;
  createdAt: string;
  participation?: { documentId: string; email: string | null; phone: string | null } | null;
  integration?: { documentId: string; name: string } | null;
}

export interface EnqueueInput {
  /** The participation it belongs to; none for a trigger's coupon (see `source`). */
  participationId: number | null;
  reference: string;
  campaignDocumentId: string | null;
  /** A trigger's coupon: the entry it is for (one coupon per trigger, entry and locale). */
  source?: {
    triggerKey: string;
    uid: string;
    documentId: string;
    locale: string;
    key: string;
    /** The trigger's name, as ClearOn gets it for the campaign's. */
    name: string;
  };
  /** Shown where no participation holds the recipient (a trigger's coupon). */
  recipientMasked?: string | null;
  /** Written as a failure at once (a trigger's sweep that a rule refused): never sent as is. */
  failure?: { code: string; message: string };
  settings: CouponSettings;
  channel: Channel;
  /** The participant as ClearOn gets them; read from the participation when not given. */
  recipient?: { email?: string | null; phone?: string | null; firstName?: string | null };
  /** The campaign's title as ClearOn gets it; read from the campaign when not given. */
  campaignName?: string;
}

export const toWhere = (filters: CouponFilters) => {
  const where: Record<string, unknown> = {};
  if (filters.campaign) where.campaignDocumentId = filters.campaign;
  if (filters.trigger) where.triggerKey = filters.trigger;
  if (filters.status) where.status = filters.status;
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { $gte: filters.from } : {}),
      ...(filters.to ? { $lte: filters.to } : {}),
    };
  }
  return where;
};

/** As the admin's dashboard shows a coupon (recipient masked, no code or link). */
export const toAdminView = (row: CouponRow): AdminCoupon => {
  return {
    ...pick(
      row,
      'id',
      'documentId',
      'reference',
      'couponCode',
      'validityDays',
      'delivery',
      'channel',
      'status',
      'attempts',
      'nextAttemptAt',
      'lastError',
      'lastErrorCode',
      'clearonCouponId',
      'expiresAt',
      'issuedAt',
      'createdAt'
    ),
    campaign: row.campaignDocumentId,
    trigger: row.triggerKey ?? null,
    recipient:
      maskEmail(row.participation?.email) ??
      maskPhone(row.participation?.phone) ??
      row.recipientMasked ??
      null,
    integration: row.integration
      ? { id: row.integration.documentId, name: row.integration.name }
      : null,
  };
};
