/**
 * Figure 7: a backlog built while ClearOn is down, drained once it is back.
 *
 * On a fresh Strapi whose circuit probes every PROBE_MS: a few participations are issued first
 * (ClearOn up, the issuing path warm), then ClearOn goes down (the simulator resets every connection
 * without an answer), the backlog comes in through the public API, the circuit opens and every coupon
 * is parked; the outage goes on for HOLD_PROBES more probe intervals, then ClearOn comes back. The
 * figure: the requests ClearOn received during the outage (the tries under way when the circuit
 * opened, then one probe per interval), and the drain rate from the probe that closed the circuit
 * to the last coupon recorded, against C / L. More requests than failureThreshold + C + the probe
 * intervals + 1, a coupon lost or doubled, or a circuit still open after the drain fails the run.
 */
import fs from 'fs';
import type { RecordedRequest, Simulator } from '../simulator/src';
import type { DatabaseClient } from '../tests/harness/database';
import {
  BENCH_CONFIG,
  log,
  runPool,
  sleep,
  startStack,
  submit,
  waitAllIssued,
  type Stack,
} from './lib';
import { OUTAGE_BENCH_OPS } from './outage-ops';

/** ClearOn's latency once it is back (as figure 3), and the worker's concurrency C. */
const L = 100;
const CONCURRENCY = 10;
/** A short probe interval (default 30 s) so that the figure runs in minutes; the count scales. */
const PROBE_MS = 1_000;
/** The default failure threshold of the circuit. */
const FAILURE_THRESHOLD = 5;
/** Probe intervals the outage lasts once the whole backlog is parked. */
const HOLD_PROBES = 10;
/** Participations issued before the outage, ClearOn up. */
const WARMUP = 100;

export const OUTAGE_CONFIG = () => ({
  ...BENCH_CONFIG(CONCURRENCY),
  // The defaults (retryForMs 72 h, backoff 1 s to 10 min, threshold 5), with probes every PROBE_MS.
  worker: {
    concurrency: CONCURRENCY,
    circuit: { failureThreshold: FAILURE_THRESHOLD, probeIntervalMs: PROBE_MS },
  },
});

export interface OutageResult {
  client: DatabaseClient;
  concurrency: number;
  latencyMs: number;
  probeIntervalMs: number;
  failureThreshold: number;
  /** Probe intervals the outage went on once the whole backlog was parked. */
  holdProbes: number;
  backlog: number;
  /** Outage start to the last participation accepted. */
  ingestSeconds: number;
  /** ClearOn down, start to end. */
  outageSeconds: number;
  /** The circuit opened after the outage began, and stayed open for, in seconds. */
  openedAfterSeconds: number;
  openSeconds: number;
  /**
   * Requests ClearOn received while down: all, and split at half a probe interval after the circuit
   * opened (the first probe is due a whole interval after): before, the tries that were under way
   * when it opened; after, the probes (a request delayed on a loaded machine may land after).
   */
  requests: number;
  beforeOpen: number;
  afterOpen: number;
  /** Probe intervals while the circuit was open during the outage. */
  intervals: number;
  /** failureThreshold + C + intervals + 1: the run fails above it. */
  bound: number;
  /** The shortest gap between two requests after the split (ms). */
  minProbeGapMs: number | null;
  /** Attempts the backlog had spent when ClearOn came back (parked coupons spend none). */
  attemptsSpent: number;
  /** ClearOn back → the probe that reached it (ms), probe → the next request (ms). */
  probeAfterMs: number;
  wakeMs: number;
  /** Probe → the last coupon recorded: the drain. */
  drainSeconds: number;
  rate: number;
  limit: number;
  share: number;
  /** Rate between the 10th and the 90th percentile of the drain's requests. */
  steadyRate: number;
  /** ClearOn back → the last coupon recorded, and its rate (the probe wait included). */
  backToDoneSeconds: number;
  rateFromBack: number;
  /** Requests after the outage (one per coupon, ideally), and answers other than 201. */
  requestsAfter: number;
  notCreatedAfter: number;
  circuitClosed: boolean;
  holds: boolean;
}

const countParked = async (stack: Stack) =>
  stack.strapi.call<{
    pending: number;
    parked: number;
    attempts: number;
    maxAttempts: number;
    circuits: Array<{ openedAt: string }>;
  }>(OUTAGE_BENCH_OPS, 'outageState');

/** The `at` below which `share` of `times` (sorted) lie. */
const at = (times: number[], share: number) =>
  times[Math.min(times.length - 1, Math.max(0, Math.floor(share * (times.length - 1))))];

export const outageDrain = async (
  client: DatabaseClient,
  simulator: Simulator,
  backlog: number,
  check: (stack: Stack, label: string) => Promise<void>
): Promise<OutageResult> => {
  log(
    `figure 7 (${client}): backlog of ${backlog} during a ClearOn outage, probe every ` +
      `${PROBE_MS} ms, then ClearOn at ${L} ms, C=${CONCURRENCY}`
  );
  const stack = await startStack(
    client,
    simulator,
    `${client}-outage`,
    CONCURRENCY,
    OUTAGE_CONFIG()
  );
  try {
    simulator.setLatency(L);
    const warm = await runPool(WARMUP, 16, () => submit(stack, 'auto'));
    if (warm.some((r) => r.status !== 201)) throw new Error('figure 7: a warm-up submit failed');
    await waitAllIssued(stack, 120_000, 50);

    const outageStart = Date.now();
    simulator.setOutage(true);
    const responses = await runPool(backlog, 16, () => submit(stack, 'auto'));
    const ingested = Date.now();
    if (responses.some((r) => r.status !== 201)) throw new Error('figure 7: a submit failed');
    log(
      `figure 7 (${client}): ${backlog} accepted in ${((ingested - outageStart) / 1000).toFixed(1)} s; ` +
        'waiting for every coupon to be parked'
    );

    // Every coupon parked behind the open circuit (those that failed before it opened, after
    // their first backoff): nothing of the backlog is due any more.
    let state = await countParked(stack);
    for (const deadline = Date.now() + 120_000; state.parked < backlog;) {
      if (Date.now() > deadline)
        throw new Error(`figure 7: not all parked: ${JSON.stringify(state)}`);
      await sleep(250);
      state = await countParked(stack);
    }
    if (state.circuits.length !== 1) throw new Error('figure 7: the circuit is not open');
    const openedAt = Date.parse(state.circuits[0].openedAt);
    await sleep(HOLD_PROBES * PROBE_MS);
    state = await countParked(stack);

    const outageEnd = Date.now();
    simulator.setOutage(false);
    const done = await waitAllIssued(stack, 900_000, 50);
    const after = await countParked(stack);

    const ours = (from: number, to: number) =>
      simulator.received.filter((r: RecordedRequest) => r.at >= from && r.at < to);
    const during = ours(outageStart, outageEnd);
    // The first probe is due PROBE_MS after the circuit opened: what came before half of that were
    // the tries under way when it opened (see OutageResult.requests).
    const split = openedAt + PROBE_MS / 2;
    const beforeOpen = during.filter((r) => r.at < split).length;
    const probeTimes = during.filter((r) => r.at >= split).map((r) => r.at);
    const openMs = outageEnd - openedAt;
    const intervals = Math.ceil(openMs / PROBE_MS);
    const bound = FAILURE_THRESHOLD + CONCURRENCY + intervals + 1;
    const gaps = probeTimes.slice(1).map((t, i) => t - probeTimes[i]);
    const minProbeGapMs = gaps.length > 0 ? Math.min(...gaps) : null;

    const afterRequests = ours(outageEnd, Infinity);
    const times = afterRequests.map((r) => r.at).sort((a, b) => a - b);
    if (times.length === 0) throw new Error('figure 7: ClearOn received nothing after the outage');
    const probeAt = times[0];
    const drainSeconds = (done - probeAt) / 1000;
    const rate = backlog / drainSeconds;
    const limit = CONCURRENCY / (L / 1000);
    const steady = (at(times, 0.9) - at(times, 0.1)) / 1000;
    const result: OutageResult = {
      client,
      concurrency: CONCURRENCY,
      latencyMs: L,
      probeIntervalMs: PROBE_MS,
      failureThreshold: FAILURE_THRESHOLD,
      holdProbes: HOLD_PROBES,
      backlog,
      ingestSeconds: (ingested - outageStart) / 1000,
      outageSeconds: (outageEnd - outageStart) / 1000,
      openedAfterSeconds: (openedAt - outageStart) / 1000,
      openSeconds: openMs / 1000,
      requests: during.length,
      beforeOpen,
      afterOpen: probeTimes.length,
      intervals,
      bound,
      minProbeGapMs,
      attemptsSpent: state.attempts,
      probeAfterMs: probeAt - outageEnd,
      wakeMs: times.length > 1 ? times[1] - probeAt : 0,
      drainSeconds,
      rate,
      limit,
      share: rate / limit,
      steadyRate: steady > 0 ? (0.8 * (times.length - 1)) / steady : NaN,
      backToDoneSeconds: (done - outageEnd) / 1000,
      rateFromBack: backlog / ((done - outageEnd) / 1000),
      requestsAfter: afterRequests.length,
      notCreatedAfter: afterRequests.filter((r) => r.status !== 201).length,
      circuitClosed: after.circuits.length === 0,
      holds: false,
    };
    result.holds =
      result.requests <= bound && result.circuitClosed && after.pending === 0 && after.parked === 0;
    log(`figure 7 (${client}): ${JSON.stringify(result)}`);
    // BENCH_OUTAGE_TRACE=file.json: every request ClearOn received from the outage on, for a look.
    if (process.env.BENCH_OUTAGE_TRACE) {
      const reference = (r: RecordedRequest) =>
        (r.body as { reference?: string } | null)?.reference ?? '';
      fs.writeFileSync(
        process.env.BENCH_OUTAGE_TRACE.replace(/(\.json)?$/, `-${client}.json`),
        JSON.stringify({
          outageStart,
          openedAt,
          outageEnd,
          done,
          requests: ours(outageStart, Infinity).map((r) => [r.at, r.status, reference(r)]),
        })
      );
    }
    await check(stack, `${client}: figure 7, backlog of ${backlog} built during an outage`);
    return result;
  } finally {
    simulator.setOutage(false);
    simulator.setLatency(0);
    await stack.stop();
  }
};
