import type { Core } from '@strapi/strapi';
import { freezeIssueBody } from '../clearon';
import { toAdminView, toWhere, type CouponRow, type EnqueueInput } from './coupon-rows';
import { getService } from '../utils/get-service';
import { UID } from '../utils/plugin-id';
import { canLinkRows, joinTableToRead, linkRows } from '../utils/link-rows';
import { newDocumentIdLike } from '../utils/random';
import {
  COUPON_STATUSES,
  RETRYABLE_STATUSES,
  type CouponFilters,
  type CouponStatus,
} from '../../../shared/contracts/coupons';

export { COUPON_STATUSES, RETRYABLE_STATUSES };
export type { CouponFilters, CouponStatus };
export type { CouponRow, EnqueueInput } from './coupon-rows';

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
      (input.participationId === null
        ? null
        : ((await strapi.db.query(UID.participation).findOne({
            where: { id: input.participationId },
            select: ['email', 'phone', 'firstName'],
          })) as EnqueueInput['recipient'] | null)) ??
      {};
    const campaignName =
      input.campaignName ??
      input.source?.name ??
      (input.campaignDocumentId
        ? ((await getService(strapi, 'campaigns').findForParticipation(input.campaignDocumentId))
            ?.title as string | undefined)
        : undefined) ??
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
      campaign: {
        id: input.campaignDocumentId ?? `trigger:${input.source?.triggerKey ?? ''}`,
        name: campaignName,
      },
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
      const failure =
        input.failure ??
        (missing
          ? {
              code: 'integration_missing',
              message:
                'The ClearOn integration chosen for this coupon no longer exists; a retry issues it through the default integration',
            }
          : null);
      const now = new Date();
      const data = {
        documentId: newDocumentIdLike(),
        reference: input.reference,
        campaignDocumentId: input.campaignDocumentId,
        couponCode: input.settings.couponCode,
        validityDays: input.settings.validityDays,
        delivery: input.settings.delivery,
        channel: input.channel,
        status: (failure ? 'failed' : 'pending') as CouponStatus,
        attempts: 0,
        incompleteAnswers: 0,
        requestBody: await frozenBody(input),
        nextAttemptAt: now,
        lastErrorCode: failure?.code ?? null,
        lastError: failure?.message ?? null,
        triggerKey: input.source?.triggerKey ?? null,
        sourceUid: input.source?.uid ?? null,
        sourceDocumentId: input.source?.documentId ?? null,
        sourceLocale: input.source?.locale ?? null,
        sourceKey: input.source?.key ?? null,
        recipientMasked: input.recipientMasked ?? null,
        createdAt: now,
        updatedAt: now,
        // As the document service sets it on a type without draft & publish.
        publishedAt: now,
      };
      // The coupon is internal: one insert through the query engine (its field conversions), and its
      // link rows written directly, without the read-back `create()` makes; the row is in hand.
      const relations = {
        participation: input.participationId ?? null,
        integration: integration?.id ?? null,
      };
      let id: number;
      if (canLinkRows(strapi, UID.coupon, Object.keys(relations))) {
        id = (await query().createMany({ data: [data] })).ids[0] as number;
        await linkRows(strapi, UID.coupon, id, relations);
      } else {
        id = ((await query().create({ data: { ...data, ...relations } })) as CouponRow).id;
      }
      const iso = now.toISOString();
      return {
        ...data,
        id,
        nextAttemptAt: iso,
        createdAt: iso,
        clearonCouponId: null,
        code: null,
        redeemUrl: null,
        expiresAt: null,
        issuedAt: null,
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
        results: rows.map(toAdminView),
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
     * (retryForMs from now) under the same reference and frozen body. A coupon whose participation
     * was erased is never sent again (its recipient is gone): it is skipped, and counted.
     */
    async retry(filters: CouponFilters & { ids?: number[] }) {
      if (filters.status && !RETRYABLE_STATUSES.includes(filters.status)) {
        return { retried: 0, skippedErased: 0 };
      }
      const knex = strapi.db.connection;
      const link = joinTableToRead(strapi, UID.coupon, 'participation');
      const erased = () =>
        knex(`${link.name} as l`)
          .join('clearon_participations as p', 'p.id', `l.${link.to}`)
          .whereNotNull('p.erased_at')
          .select(`l.${link.from}`);
      const matching = () => {
        const q = knex('clearon_coupons').whereIn(
          'status',
          filters.status ? [filters.status] : [...RETRYABLE_STATUSES]
        );
        if (filters.campaign) q.where('campaign_document_id', filters.campaign);
        if (filters.trigger) q.where('trigger_key', filters.trigger);
        if (filters.from) q.where('created_at', '>=', new Date(filters.from));
        if (filters.to) q.where('created_at', '<=', new Date(filters.to));
        if (filters.ids) q.whereIn('id', filters.ids);
        return q;
      };
      const now = new Date();
      // One statement: a participation erased meanwhile is excluded by the same WHERE.
      const retried = Number(
        await matching().whereNotIn('id', erased()).update({
          status: 'pending',
          attempts: 0,
          incomplete_answers: 0,
          retried_at: now,
          next_attempt_at: now,
          lease_owner: null,
          lease_until: null,
          updated_at: now,
        })
      );
      const [{ n }] = await matching().whereIn('id', erased()).count({ n: '*' });
      return { retried, skippedErased: Number(n) };
    },

    toAdminView,
  };
};

export default service;
