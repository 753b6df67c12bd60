import type { Core } from '@strapi/strapi';
import type { DbClock } from '../../utils/db-clock';
import { getPluginConfig } from '../../utils/get-plugin-config';
import type { Circuit } from '../issuer-circuit';
import { epochOf, planResult, type Result } from '../issuer-record';
import { TABLE, type ClaimedCoupon, type IssuerCounts, type SettledCoupon } from './types';

type Pending = {
  id: number;
  data: Record<string, unknown>;
  /** An issued answer is written whoever holds the lease now (not over an erasure). */
  anyLease?: boolean;
  resolve: (written: boolean) => void;
  reject: (error: unknown) => void;
};

/**
 * Writes what a try came to onto the coupon's row (issued, retried later, failed, dead, needs
 * attention, or parked behind its integration's open circuit) and counts it.
 *
 * Results are written by group commit: the results that come in while a write is under way go
 * together in the next transaction (one commit, one fsync, for up to a whole worker's worth).
 * Each is written only while this worker still holds its lease.
 */
export const createResultWriter = (
  strapi: Core.Strapi,
  {
    owner,
    clock,
    circuit,
    counts,
  }: {
    owner: string;
    clock: DbClock;
    circuit: Circuit;
    counts: IssuerCounts;
  }
) => {
  const knex = () => strapi.db.connection;
  let toWrite: Pending[] = [];
  let writing = false;

  const writeResults = async () => {
    if (writing || toWrite.length === 0) return;
    writing = true;
    const batch = toWrite;
    toWrite = [];
    try {
      const written = await knex().transaction(async (trx) => {
        const updatedRows: boolean[] = [];
        for (const { id, data, anyLease } of batch) {
          const where = anyLease
            ? trx(TABLE)
                .where('id', id)
                .whereNot('status', 'issued')
                .whereNot((q) => q.where('status', 'failed').andWhere('last_error_code', 'erased'))
            : trx(TABLE).where({ id, lease_owner: owner });
          const updated = await where.update({
            ...data,
            lease_owner: null,
            lease_until: null,
            updated_at: new Date(),
          });
          updatedRows.push(Number(updated) === 1);
        }
        return updatedRows;
      });
      batch.forEach((item, i) => item.resolve(written[i]));
    } catch (error) {
      batch.forEach((item) => item.reject(error));
    } finally {
      writing = false;
      void writeResults();
    }
  };

  /** Queues a row's new fields for the next group commit; resolves to whether it was written. */
  const finish = (id: number, data: Record<string, unknown>, anyLease = false) =>
    new Promise<boolean>((resolve, reject) => {
      toWrite.push({ id, data, anyLease, resolve, reject });
      void writeResults();
    });

  const recordIssued = async (
    coupon: ClaimedCoupon,
    result: Extract<Result, { status: 'issued' }>
  ): Promise<SettledCoupon | null> => {
    const issued = result.outcome.coupon;
    const expiresAt = issued.expiresAt ? new Date(issued.expiresAt) : null;
    // Written even when this worker's lease ran out meanwhile: ClearOn made this coupon.
    const written = await finish(
      coupon.id,
      {
        status: 'issued',
        attempts: coupon.attempts + 1,
        last_error: null,
        last_error_code: null,
        clearon_coupon_id: issued.couponId,
        code: issued.code,
        redeem_url: issued.redeemUrl,
        expires_at: expiresAt,
        issued_at: new Date(),
      },
      true
    );
    if (!written) return null;
    counts.issued += 1;
    return {
      status: 'issued',
      code: issued.code,
      redeemUrl: issued.redeemUrl,
      expiresAt: expiresAt && !Number.isNaN(expiresAt.getTime()) ? expiresAt.toISOString() : null,
      lastError: null,
    };
  };

  /**
   * Records the result of a try; resolves to what was written, or null when this worker no longer
   * held the coupon's lease (nothing written). Throws when the database refuses the write.
   */
  const record = async (coupon: ClaimedCoupon, result: Result): Promise<SettledCoupon | null> => {
    if (result.status === 'issued') return recordIssued(coupon, result);
    const startedAt = epochOf(coupon.retriedAt) ?? epochOf(coupon.createdAt);
    const plan = planResult(
      { attempts: coupon.attempts, incompleteAnswers: coupon.incompleteAnswers, startedAt },
      result,
      getPluginConfig(strapi).worker,
      await clock.approxNow()
    );
    if (plan.kind === 'park') {
      const parked = await circuit.park(
        coupon.id,
        owner,
        result.status === 'wait' ? result.integration : '',
        new Date(plan.until),
        plan.reason
      );
      if (parked) {
        counts.parked += 1;
        return { status: 'pending', lastError: plan.reason };
      }
      // The circuit closed meanwhile: due again at once.
      const released = await finish(coupon.id, { next_attempt_at: clock.now() });
      return released ? { status: 'pending', lastError: plan.reason } : null;
    }
    const written = await finish(coupon.id, {
      ...plan.data,
      ...(plan.delayMs !== undefined ? { next_attempt_at: clock.plus(plan.delayMs) } : {}),
    });
    // Counted only when this worker still held the lease and wrote the result.
    if (written) counts[plan.recorded] += 1;
    strapi.log.warn(
      `[clearon] coupon ${coupon.id}: ${plan.status} (${plan.data.last_error_code}): ${plan.lastError}`
    );
    return written ? { status: plan.status, lastError: plan.lastError } : null;
  };

  return { record };
};

export type ResultWriter = ReturnType<typeof createResultWriter>;
