import type { Core } from '@strapi/strapi';
import type { Channel, CouponSettings } from '../domain/campaign';
import { freezeIssueBody } from '../clearon';
import { getService } from '../utils/get-service';
import { UID } from '../utils/plugin-id';
import { maskEmail, maskPhone } from '../utils/mask';

export type CouponStatus = 'pending' | 'issued' | 'failed' | 'dead' | 'needs_attention';

export const COUPON_STATUSES: readonly CouponStatus[] = [
  'pending',
  'issued',
  'failed',
  'dead',
  'needs_attention',
];

/** The statuses an admin can send back to the queue. */
export const RETRYABLE_STATUSES: readonly CouponStatus[] = ['failed', 'dead', 'needs_attention'];

export interface CouponRow {
  id: number;
  documentId: string;
  reference: string;
  campaignDocumentId: string | null;
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

export interface CouponFilters {
  campaign?: string;
  status?: CouponStatus;
  from?: string;
  to?: string;
}

export interface EnqueueInput {
  participationId: number;
  reference: string;
  campaignDocumentId: string;
  settings: CouponSettings;
  channel: Channel;
  /** The participant as ClearOn gets them; read from the participation when not given. */
  recipient?: { email?: string | null; phone?: string | null; firstName?: string | null };
  /** The campaign's title as ClearOn gets it; read from the campaign when not given. */
  campaignName?: string;
}

const toWhere = (filters: CouponFilters) => {
  const where: Record<string, unknown> = {};
  if (filters.campaign) where.campaignDocumentId = filters.campaign;
  if (filters.status) where.status = filters.status;
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { $gte: filters.from } : {}),
      ...(filters.to ? { $lte: filters.to } : {}),
    };
  }
  return where;
};

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.coupon);

  /** The coupon's integration: the one named, else the default. */
  const integrationOf = async (documentId: string | null | undefined) =>
    (await strapi.db.query(UID.integration).findOne({
      where: documentId ? { documentId } : { isDefault: true },
      select: ['id', 'documentId', 'name'],
    })) as { id: number; documentId: string; name: string } | null;

  /** The exact body ClearOn gets for this coupon, at every try under its reference. */
  const frozenBody = async (input: EnqueueInput) => {
    const recipient =
      input.recipient ??
      ((await strapi.db.query(UID.participation).findOne({
        where: { id: input.participationId },
        select: ['email', 'phone', 'firstName'],
      })) as EnqueueInput['recipient'] | null) ??
      {};
    const campaignName =
      input.campaignName ??
      ((await getService(strapi, 'campaigns').findForParticipation(input.campaignDocumentId))
        ?.title as string | undefined) ??
      '';
    return freezeIssueBody({
      couponCode: input.settings.couponCode,
      validityDays: input.settings.validityDays,
      delivery: input.channel,
      recipient: {
        ...(recipient.email ? { email: recipient.email } : {}),
        ...(recipient.phone ? { phone: recipient.phone } : {}),
        ...(recipient.firstName ? { firstName: recipient.firstName } : {}),
      },
      reference: input.reference,
      campaign: { id: input.campaignDocumentId, name: campaignName },
    });
  };

  return {
    whereOf: toWhere,

    /**
     * Writes the pending coupon of a participation (the outbox row). Runs inside the participation's
     * transaction; the settings are copied, so later edits of the exit screen do not touch it.
     */
    async enqueue(input: EnqueueInput): Promise<CouponRow> {
      const integration = await integrationOf(input.settings.integration);
      // The exit screen names an integration that was deleted since: a visible failure rather than
      // a coupon silently issued through another ClearOn account.
      const missing = Boolean(input.settings.integration) && !integration;
      // One query-engine insert (with its two link rows): the coupon is internal, and the document
      // service's validation and events would double the cost of every participation.
      const row = (await query().create({
        data: {
          participation: input.participationId,
          integration: integration?.id ?? null,
          reference: input.reference,
          campaignDocumentId: input.campaignDocumentId,
          couponCode: input.settings.couponCode,
          validityDays: input.settings.validityDays,
          delivery: input.settings.delivery,
          channel: input.channel,
          status: missing ? 'failed' : 'pending',
          attempts: 0,
          requestBody: await frozenBody(input),
          nextAttemptAt: new Date(),
          ...(missing
            ? {
                lastErrorCode: 'integration_missing',
                lastError:
                  'The ClearOn integration chosen for this coupon no longer exists; a retry issues it through the default integration',
              }
            : {}),
          // As the document service sets it on a type without draft & publish.
          publishedAt: new Date(),
        },
      })) as CouponRow;
      return {
        ...row,
        integration: integration
          ? { documentId: integration.documentId, name: integration.name }
          : null,
      };
    },

    findByParticipation(participationDocumentId: string) {
      return query().findOne({
        where: { participation: { documentId: participationDocumentId } },
      }) as Promise<CouponRow | null>;
    },

    findById(id: number) {
      return query().findOne({ where: { id } }) as Promise<CouponRow | null>;
    },

    async list(filters: CouponFilters, page = 1, pageSize = 25) {
      const where = toWhere(filters);
      const [rows, total] = await Promise.all([
        query().findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
          populate: {
            participation: { select: ['documentId', 'email', 'phone'] },
            integration: { select: ['documentId', 'name'] },
          },
        }) as Promise<CouponRow[]>,
        query().count({ where }),
      ]);
      return {
        results: rows.map((row) => this.toAdminView(row)),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    async countByStatus(filters: Omit<CouponFilters, 'status'> = {}) {
      const statuses = COUPON_STATUSES;
      const counts = await Promise.all(
        statuses.map((status) => query().count({ where: toWhere({ ...filters, status }) }))
      );
      return Object.fromEntries(statuses.map((status, i) => [status, counts[i]])) as Record<
        CouponStatus,
        number
      >;
    },

    /**
     * Failed, dead and needs-attention coupons go back to pending, due now, with a fresh retry time
     * (retryForMs from now) under the same reference and frozen body.
     */
    async retry(filters: CouponFilters & { ids?: number[] }) {
      const where: Record<string, unknown> = {
        ...toWhere(filters),
        status: filters.status ? filters.status : { $in: [...RETRYABLE_STATUSES] },
      };
      if (filters.status && !RETRYABLE_STATUSES.includes(filters.status)) return 0;
      if (filters.ids) where.id = { $in: filters.ids };
      const { count } = await query().updateMany({
        where,
        data: {
          status: 'pending',
          attempts: 0,
          incompleteAnswers: 0,
          retriedAt: new Date(),
          nextAttemptAt: new Date(),
          leaseOwner: null,
          leaseUntil: null,
        },
      });
      return count;
    },

    toAdminView(row: CouponRow) {
      return {
        id: row.id,
        documentId: row.documentId,
        reference: row.reference,
        campaign: row.campaignDocumentId,
        couponCode: row.couponCode,
        validityDays: row.validityDays,
        delivery: row.delivery,
        channel: row.channel,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: row.nextAttemptAt,
        lastError: row.lastError,
        lastErrorCode: row.lastErrorCode,
        clearonCouponId: row.clearonCouponId,
        expiresAt: row.expiresAt,
        issuedAt: row.issuedAt,
        createdAt: row.createdAt,
        recipient:
          maskEmail(row.participation?.email) ?? maskPhone(row.participation?.phone) ?? null,
        integration: row.integration
          ? { id: row.integration.documentId, name: row.integration.name }
          : null,
      };
    },
  };
};

export default service;
