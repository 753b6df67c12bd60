import type { Core } from '@strapi/strapi';
import { describeError } from '../../utils/describe-error';
import { getPluginConfig } from '../../utils/get-plugin-config';
import { getService } from '../../utils/get-service';
import type { Circuit } from '../issuer-circuit';
import type { Result } from '../issuer-record';
import type { Attempt } from './attempt';
import type { LeaseQueue } from './lease-queue';
import type { ResultWriter } from './result-writer';
import type { SettleBus } from './settle-bus';
import type { ClaimedCoupon, SettledCoupon } from './types';

export interface WorkerLoopParts {
  owner: string;
  leases: LeaseQueue;
  attempt: Attempt;
  writer: ResultWriter;
  circuit: Circuit;
  bus: SettleBus;
}

/**
 * The worker's scheduler: every `pollIntervalMs` (and at once when a slot frees up) it sends the
 * due circuit probes, claims enough coupons for the free slots and a full set behind them, and
 * runs each (try at ClearOn, then its result) with at most `worker.concurrency` in flight.
 */
export const createWorkerLoop = (
  strapi: Core.Strapi,
  { owner, leases, attempt, writer, circuit, bus }: WorkerLoopParts
) => {
  const config = () => getPluginConfig(strapi).worker;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let ticking = false;
  let tickAgain = false;
  let inFlight = 0;
  // Slots taken by issueNow() while it claims its coupon: counted so that a burst of submits cannot
  // overshoot worker.concurrency during the claim's round trip.
  let reserved = 0;
  const busy = () => inFlight + reserved;
  const inFlightDone = new Set<Promise<void>>();

  /**
   * Coupons claimed ahead of a free slot (at most `concurrency`): a slot that frees up starts the
   * next one at once instead of waiting for a claim's round trip to the database. Each is started
   * within half its lease, or handed back.
   */
  const ready: Array<{ coupon: ClaimedCoupon; leasedAt: number }> = [];

  /**
   * One coupon: the ClearOn call, then its result. The worker slot is released as soon as ClearOn
   * has answered (`release`), so that the next claim overlaps the write of this result.
   */
  const processCoupon = async (coupon: ClaimedCoupon, release: () => void) => {
    let state: SettledCoupon | null = null;
    try {
      let result: Result;
      try {
        result = await attempt(coupon);
      } catch (error) {
        result = {
          status: 'retry',
          code: 'internal',
          reason: `Internal error: ${describeError(error, 'issuer.attempt')}`,
        };
      }
      release();
      state = await writer.record(coupon, result);
    } catch (error) {
      // The lease expires and another pass takes the coupon again.
      strapi.log.error(
        `[clearon] coupon ${coupon.id}: could not be processed: ${describeError(error, 'issuer.record')}`
      );
    } finally {
      bus.emit(coupon.id, state);
      // Issued, failed and dead are webhook events; emitted in the background, never thrown.
      if (state) getService(strapi, 'webhook-events').couponSettled(coupon.id, state.status);
    }
  };

  const startReady = () => {
    const stale: number[] = [];
    while (running && busy() < config().concurrency && ready.length > 0) {
      const { coupon, leasedAt } = ready.shift()!;
      if (Date.now() - leasedAt > config().leaseMs / 2) stale.push(coupon.id);
      else void run(coupon);
    }
    leases
      .release(stale)
      .catch((error) =>
        strapi.log.warn(
          `[clearon] could not hand back leases: ${describeError(error, 'issuer.release')}`
        )
      );
  };

  const run = (coupon: ClaimedCoupon) => {
    inFlight += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      startReady();
      if (running) schedule(0);
    };
    const done = processCoupon(coupon, release).finally(() => {
      release();
      inFlightDone.delete(done);
    });
    inFlightDone.add(done);
    return done;
  };

  /** The claimed coupons, loaded; one that cannot be read waits for its lease to end. */
  const loadSafely = async (ids: number[]) => {
    let coupons: ClaimedCoupon[] = [];
    try {
      coupons = await leases.load(ids);
    } catch (error) {
      strapi.log.error(
        `[clearon] claimed coupons could not be read: ${describeError(error, 'issuer.load')}`
      );
    }
    const loaded = new Set(coupons.map((coupon) => coupon.id));
    for (const id of ids) if (!loaded.has(id)) bus.emit(id, null);
    return coupons;
  };

  /** Sends the probe of each open circuit whose probe is due (one per interval, across instances). */
  let probesCheckedAt = 0;
  const probeOpenCircuits = async () => {
    const every = Math.min(1_000, config().circuit.probeIntervalMs / 4);
    if (Date.now() - probesCheckedAt < every) return;
    probesCheckedAt = Date.now();
    for (const probe of await circuit.dueProbes()) {
      const [coupon] = await loadSafely(await leases.claimOne(probe.couponId, false));
      if (coupon) void run({ ...coupon, probe: true });
    }
  };

  const tick = async () => {
    if (!running) return;
    if (ticking) {
      tickAgain = true;
      return;
    }
    ticking = true;
    try {
      await probeOpenCircuits();
      // Enough for the free slots, and a full set ready behind them.
      const wanted = 2 * config().concurrency - busy() - ready.length;
      if (wanted > 0) {
        // The lease runs from the claim's start (its `now`), not from when the rows came back.
        const leasedAt = Date.now();
        const coupons = await loadSafely(await leases.claim(wanted));
        ready.push(...coupons.map((coupon) => ({ coupon, leasedAt })));
        startReady();
      }
    } catch (error) {
      strapi.log.warn(
        `[clearon] issuer could not claim coupons: ${describeError(error, 'issuer.claim')}`
      );
    } finally {
      ticking = false;
    }
    if (tickAgain) {
      tickAgain = false;
      schedule(0);
    }
  };

  const schedule = (delayMs: number) => {
    if (!running) return;
    if (timer && delayMs > 0) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void tick().finally(() => schedule(config().pollIntervalMs));
    }, delayMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },

    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      // Claimed but not started: another worker may take them now rather than after the lease.
      const unstarted = ready.splice(0).map(({ coupon }) => coupon.id);
      await leases.release(unstarted).catch(() => undefined);
      for (const id of unstarted) bus.emit(id, null);
      await Promise.allSettled([...inFlightDone]);
    },

    /** See the issuer's issueNow(). */
    async issueNow(id: number, known?: Omit<ClaimedCoupon, 'leaseOwner'>) {
      // Called when the participation commits: let the request that wrote it answer first.
      await new Promise((resolve) => setImmediate(resolve));
      if (!running || busy() >= config().concurrency) return;
      reserved += 1;
      let coupon: ClaimedCoupon | undefined;
      try {
        const ids = await leases.claimOne(id).catch(() => []);
        if (ids.length > 0) {
          [coupon] = known ? [{ ...known, leaseOwner: owner }] : await loadSafely(ids);
        }
      } finally {
        reserved -= 1;
      }
      if (coupon) await run(coupon);
      else startReady();
    },

    state() {
      return { inFlight, ready: ready.length, running };
    },
  };
};
