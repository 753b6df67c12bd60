import type { Core } from '@strapi/strapi';
import { PARKED_CODE, listOpenCircuits } from '../server/src/services/issuer-circuit';

/**
 * Helpers of figure 7 (bench/figure-outage.ts) that run INSIDE the child Strapi:
 * `stack.strapi.call(OUTAGE_BENCH_OPS, 'outageState')` (see tests/harness/child-ops.ts).
 */
export const OUTAGE_BENCH_OPS = __filename;

/**
 * The backlog as the outage leaves it: pending coupons, those parked behind the open circuit, the
 * attempts the pending ones spent (a parked coupon spends none), and the open circuits.
 */
export const outageState = async (strapi: Core.Strapi) => {
  const rows = (await strapi.db
    .connection('clearon_coupons')
    .where('status', 'pending')
    .select('last_error_code')
    .count({ n: '*' })
    .sum({ attempts: 'attempts' })
    .max({ maxAttempts: 'attempts' })
    .groupBy('last_error_code')) as Array<{
    last_error_code: string | null;
    n: number | string;
    attempts: number | string | null;
    maxAttempts: number | string | null;
  }>;
  let pending = 0;
  let parked = 0;
  let attempts = 0;
  let maxAttempts = 0;
  for (const row of rows) {
    pending += Number(row.n);
    if (row.last_error_code === PARKED_CODE) parked += Number(row.n);
    attempts += Number(row.attempts ?? 0);
    maxAttempts = Math.max(maxAttempts, Number(row.maxAttempts ?? 0));
  }
  return { pending, parked, attempts, maxAttempts, circuits: await listOpenCircuits(strapi) };
};
