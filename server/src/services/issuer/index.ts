import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { createPluginClient } from '../../utils/clearon-client';
import { createDbClock } from '../../utils/db-clock';
import { getPluginConfig } from '../../utils/get-plugin-config';
import { createCircuit } from '../issuer-circuit';
import { createAttempt } from './attempt';
import { createLeaseQueue } from './lease-queue';
import { createResultWriter } from './result-writer';
import { createSettleBus } from './settle-bus';
import type { ClaimedCoupon, IssuerCounts } from './types';
import { createWorkerLoop } from './worker-loop';

export type { ClaimedCoupon, SettledCoupon } from './types';
/** A database error is logged by its code and query name only (see utils/describe-error). */
export { describeError } from '../../utils/describe-error';

/**
 * The outbox worker: claims due pending coupons with a lease (SKIP LOCKED where the database has
 * it), asks ClearOn for each, records the result. Every Strapi instance runs one; the lease and
 * ClearOn's idempotency on `reference` keep a coupon from being issued twice.
 *
 *   lease-queue    the claim, hand-back and batch load of coupons (SQL)
 *   attempt        one try at ClearOn: integration, Retry-After pause, circuit gate, the call
 *   result-writer  the try's result onto the row, by group commit
 *   worker-loop    the scheduler: slots, the ready queue, probes, issueNow
 *   settle-bus     tells waiters what was written for a coupon
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const counts: IssuerCounts = {
    issued: 0,
    retried: 0,
    failed: 0,
    dead: 0,
    attention: 0,
    parked: 0,
  };
  // Leases, retry times and circuits are on the database's clock, not this instance's.
  const clock = createDbClock(strapi);
  const circuit = createCircuit(strapi, clock);
  const bus = createSettleBus();
  const loop = createWorkerLoop(strapi, {
    owner,
    leases: createLeaseQueue(strapi, clock, owner),
    attempt: createAttempt(strapi, { client: createPluginClient(strapi), circuit }),
    writer: createResultWriter(strapi, { owner, clock, circuit, counts }),
    circuit,
    bus,
  });

  return {
    start() {
      const config = getPluginConfig(strapi).worker;
      if (loop.state().running || !config.enabled) return;
      if (config.maxAttempts !== undefined) {
        strapi.log.warn(
          '[clearon] worker.maxAttempts is no longer used: a coupon is retried for worker.retryForMs'
        );
      }
      loop.start();
    },

    /** Stops claiming, hands back the coupons claimed but not started, waits for those in flight. */
    stop: () => loop.stop(),

    /**
     * Tries this coupon now, in this request's instance, when a worker slot is free. `known` is the
     * coupon as its writer has it in memory (then it is claimed, not read back).
     */
    issueNow: (id: number, known?: Omit<ClaimedCoupon, 'leaseOwner'>) => loop.issueNow(id, known),

    /**
     * Resolves when this instance has processed the coupon, with what it wrote (null when it wrote
     * nothing), or after `ms` with null.
     */
    waitForSettled: (id: number, ms: number) => bus.wait(id, ms),

    /** This instance's worker: its lease owner id, and what it recorded since it started. */
    stats() {
      return { owner, ...loop.state(), ...counts };
    },
  };
};

export default service;
