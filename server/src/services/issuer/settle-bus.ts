import { EventEmitter } from 'events';
import type { SettledCoupon } from './types';

/**
 * Tells who waits on a coupon (the public POST in Button mode, tests) what this instance wrote for
 * it: its settled state, or null when it wrote nothing (lease lost, coupon unreadable, worker
 * stopped). Only the instance that processed the coupon hears about it.
 */
export const createSettleBus = () => {
  const settled = new EventEmitter();
  settled.setMaxListeners(0);

  return {
    emit(id: number, state: SettledCoupon | null) {
      settled.emit(String(id), state);
    },

    /** Resolves with what was written for the coupon, or null after `ms`. */
    wait(id: number, ms: number) {
      return new Promise<SettledCoupon | null>((resolve) => {
        const done = (state: SettledCoupon | null) => {
          clearTimeout(timeout);
          resolve(state ?? null);
        };
        const timeout = setTimeout(() => {
          settled.off(String(id), done);
          resolve(null);
        }, ms);
        settled.once(String(id), done);
      });
    },
  };
};

export type SettleBus = ReturnType<typeof createSettleBus>;
