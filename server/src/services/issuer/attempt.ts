import type { Core } from '@strapi/strapi';
import {
  thawIssueBody,
  type ClearonClient,
  type IssueCouponInput,
  type IssueOutcome,
} from '../../clearon';
import { describeError } from '../../utils/describe-error';
import { getPluginConfig } from '../../utils/get-plugin-config';
import { getService } from '../../utils/get-service';
import type { ResolvedTarget } from '../integrations';
import type { Circuit } from '../issuer-circuit';
import type { Result } from '../issuer-record';
import { resolveUsableTarget } from '../usable-target';
import { createExpiringCache } from './expiring-cache';
import type { ClaimedCoupon } from './types';

// Resolved integrations (row read and API key decrypted) are kept this long: issuing reads them
// for every coupon. An edited integration is used within that time.
const TARGET_CACHE_MS = 2_000;
// Campaign titles, for coupons written before request bodies were frozen (a rename shows within it).
const CAMPAIGN_NAME_CACHE_MS = 60_000;
const CACHE_ENTRIES = 1_000;

/** ClearOn's answer as the worker records it. */
const classify = (outcome: IssueOutcome): Result => {
  switch (outcome.kind) {
    case 'issued':
      return { status: 'issued', outcome };
    case 'retryable':
      return {
        status: 'retry',
        code: outcome.code,
        reason: outcome.reason,
        delayMs: outcome.retryAfterMs,
      };
    case 'permanent':
      return { status: 'failed', code: outcome.code, reason: outcome.reason };
    default:
      return {
        status: 'failed',
        code: 'unexpected_response',
        reason: 'ClearOn answered a dry run to a real request',
      };
  }
};

/**
 * One try at ClearOn for a claimed coupon: its integration (usable, not waiting on a Retry-After,
 * its circuit closed or this the probe), the call with the coupon's frozen request, and what it
 * came to. Writes nothing about the coupon itself (the result writer does).
 */
export const createAttempt = (
  strapi: Core.Strapi,
  { client, circuit }: { client: ClearonClient; circuit: Circuit }
) => {
  const pausedUntil = new Map<string, number>();
  const targets = createExpiringCache<ResolvedTarget | null>({
    ttlMs: TARGET_CACHE_MS,
    maxEntries: CACHE_ENTRIES,
  });
  const campaignNames = createExpiringCache<string>({
    ttlMs: CAMPAIGN_NAME_CACHE_MS,
    maxEntries: CACHE_ENTRIES,
  });

  const resolveTarget = (documentId: string | null) =>
    targets.get(documentId ?? '', () =>
      getService(strapi, 'integrations').resolveTarget(documentId)
    );

  const campaignName = async (documentId: string | null) => {
    if (!documentId) return '';
    return campaignNames.get(documentId, async () => {
      const campaign = await getService(strapi, 'campaigns').findForParticipation(documentId);
      return campaign?.title ?? '';
    });
  };

  /** The frozen request of the coupon; built from its data for a coupon written before bodies were. */
  const requestOf = async (coupon: ClaimedCoupon): Promise<IssueCouponInput> =>
    thawIssueBody(coupon.requestBody) ?? {
      couponCode: coupon.couponCode,
      validityDays: coupon.validityDays,
      delivery: coupon.channel,
      recipient: {
        ...(coupon.participation?.email ? { email: coupon.participation.email } : {}),
        ...(coupon.participation?.phone ? { phone: coupon.participation.phone } : {}),
        ...(coupon.participation?.firstName ? { firstName: coupon.participation.firstName } : {}),
      },
      reference: coupon.reference,
      campaign: {
        id: coupon.campaignDocumentId ?? '',
        name: await campaignName(coupon.campaignDocumentId),
      },
    };

  const circuitWait = (target: ResolvedTarget): Result => ({
    status: 'wait',
    integration: target.documentId,
    reason: `ClearOn is unreachable: waiting for it to answer a probe (one every ${Math.round(
      getPluginConfig(strapi).worker.circuit.probeIntervalMs / 1000
    )} s)`,
  });

  return async (coupon: ClaimedCoupon): Promise<Result> => {
    const resolved = await resolveUsableTarget(
      resolveTarget,
      coupon.integration?.documentId ?? null
    );
    if (!resolved.usable) {
      const reason =
        resolved.code === 'key_unreadable' ? `${resolved.reason}, then retry` : resolved.reason;
      return { status: 'failed', code: resolved.code, reason };
    }
    const { target } = resolved;
    const paused = pausedUntil.get(target.documentId) ?? 0;
    if (paused > Date.now()) {
      return {
        status: 'retry',
        code: 'rate_limited',
        reason: "Waiting for ClearOn's Retry-After",
        delayMs: paused - Date.now(),
      };
    }
    const gate = coupon.probe ? 'probe' : await circuit.gate(target.documentId);
    if (gate === 'wait') return circuitWait(target);
    const outcome = await client.issue(target, await requestOf(coupon));
    // A database hiccup here must not lose an issued answer: the circuit is told next time.
    const open = await circuit.record(target.documentId, outcome).catch((error: unknown) => {
      strapi.log.warn(`[clearon] circuit not updated: ${describeError(error, 'issuer.circuit')}`);
      return false;
    });
    if (open && outcome.kind === 'retryable' && outcome.code !== 'rate_limited') {
      if (gate === 'send') {
        strapi.log.warn(
          `[clearon] integration ${target.documentId}: circuit open (${outcome.reason})`
        );
      }
      return circuitWait(target);
    }
    if (outcome.kind === 'retryable' && outcome.code === 'rate_limited' && outcome.retryAfterMs) {
      pausedUntil.set(target.documentId, Date.now() + outcome.retryAfterMs);
    }
    if (outcome.kind === 'permanent' && outcome.code === 'unauthorized') {
      await getService(strapi, 'integrations')
        .recordCheck(target.documentId, 'failing', outcome.reason)
        .catch(() => undefined);
    }
    return classify(outcome);
  };
};

export type Attempt = ReturnType<typeof createAttempt>;
