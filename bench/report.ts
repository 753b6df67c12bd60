import type { DatabaseClient } from '../tests/harness/database';
import type { OutageResult } from './figure-outage';
import type { Latency } from './lib';

/** Figure 6 on one database: what the live-campaign rules cost, and one person's race. */
export interface RulesResult {
  client: DatabaseClient;
  /** POSTs of each kind in (a) and (b), and the pause after each. */
  n: number;
  pauseMs: number;
  /** (b) The same POST with the shared rate limit on (a budget that never refuses) and off. */
  rateLimit?: { store: string; on: Latency; off: Latency };
  /** (a) The POST on a `once` campaign and on an `unlimited` one, on the same Strapi. */
  limit: { once: Latency; unlimited: Latency };
  /** (c) Simultaneous submits of one person (one email) to a `once` campaign. */
  race: {
    submits: number;
    created: number;
    conflicts: number;
    other: number;
    participations: number;
    coupons: number;
    issued: number;
    /** Coupons ClearOn (the simulator) created for the person's participations. */
    createdByClearOn: number;
    holds: boolean;
  };
}

export interface Results {
  short: boolean;
  machine: Record<string, string>;
  seconds?: number;
  latency?: {
    client: DatabaseClient;
    /** Each round of the alternating loop. */
    rounds: Array<{ plugin: Latency; baseline: Latency; keyed: Latency }>;
    /** The median of the rounds' p50 ratios (participation / REST create): the figure. */
    p50Ratio: number;
    /** All rounds together. */
    plugin: Latency;
    baseline: Latency;
    pauseMs: number;
    pluginRate: number;
    baselineRate: number;
    /** The same participation sent with an Idempotency-Key. */
    keyed: Latency;
  };
  button?: { client: DatabaseClient; latency: Latency; issued: number; n: number };
  throughput: Array<{
    client: DatabaseClient;
    concurrency: number;
    count: number;
    seconds: number;
    rate: number;
    limit: number;
    share: number;
  }>;
  bursts: Array<{
    client: DatabaseClient;
    count: number;
    failed: number;
    ingestSeconds: number;
    allIssuedSeconds: number;
    backlogAtEnd: number;
    tailSeconds: number;
    submit: Latency;
    peakRssMb: number;
    rssAtStartMb: number;
  }>;
  exports: Array<{
    client: DatabaseClient;
    rows: number;
    seconds: number;
    megabytes: number;
    firstByteMs: number;
    peakRssMb: number;
    rssBeforeMb: number;
  }>;
  rules: RulesResult[];
  /** Figure 7: a backlog built during a ClearOn outage, drained once it is back. */
  outages: OutageResult[];
  invariants: Array<{
    label: string;
    participations: number;
    issued: number;
    duplicates: number;
    lost: number;
  }>;
}

const L = 100;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const x = (n: number) => `${n.toFixed(2)}×`;
const verdict = (pass: boolean) => (pass ? 'met' : '**missed**');

/** The figures as Markdown: what `npm run bench` writes into docs/benchmarks.md. */
export const renderReport = (r: Results) => {
  const out: string[] = [];
  out.push(`## Figures (${r.short ? 'short run' : 'full run'}, ${r.machine.date})`);
  out.push('');
  out.push('| machine | |');
  out.push('|---|---|');
  for (const [key, value] of Object.entries(r.machine)) {
    out.push(`| ${key === 'load' ? 'load average at start (1/5/15 min)' : key} | ${value} |`);
  }
  if (r.seconds) out.push(`| duration of the run | ${Math.round(r.seconds)} s |`);
  out.push('');

  if (r.latency) {
    const { rounds, p50Ratio, plugin, baseline, keyed, client, pauseMs, pluginRate, baselineRate } =
      r.latency;
    const p99 = plugin.p99 / baseline.p99;
    out.push(`### 1. Submit latency, Automatic mode, ClearOn at 0 ms (${client})`);
    out.push('');
    out.push(
      `${rounds.length} rounds of ${rounds[0]?.plugin.n ?? 0} ` +
        '`POST /api/clearon/campaigns/:slug/participations` (a campaign with ' +
        "`participationLimit: 'once'`, every participant new) against as many `POST /api/entries` " +
        "(Strapi's own REST create of `api::entry.entry`: strings, an email, an enumeration and a " +
        `JSON field), one at a time, alternating, ${pauseMs} ms apart (so that neither is timed ` +
        'while the coupon of a participation is issued in the background). The figure is the ' +
        "median of the three rounds' p50 ratios."
    );
    out.push('');
    out.push('| round | participation p50 / p95 | REST create p50 / p95 | p50 ratio | p95 ratio |');
    out.push('|---|---|---|---|---|');
    rounds.forEach((round, i) => {
      out.push(
        `| ${i + 1} | ${ms(round.plugin.p50)} / ${ms(round.plugin.p95)} | ${ms(round.baseline.p50)} / ${ms(round.baseline.p95)} | ${x(round.plugin.p50 / round.baseline.p50)} | ${x(round.plugin.p95 / round.baseline.p95)} |`
      );
    });
    out.push(`| **median of the rounds** | | | **${x(p50Ratio)}** | |`);
    out.push('');
    out.push(`All rounds together (${plugin.n} of each):`);
    out.push('');
    out.push('| | p50 | p95 | p99 |');
    out.push('|---|---|---|---|');
    out.push(`| participation | ${ms(plugin.p50)} | ${ms(plugin.p95)} | ${ms(plugin.p99)} |`);
    out.push(
      `| REST create (baseline) | ${ms(baseline.p50)} | ${ms(baseline.p95)} | ${ms(baseline.p99)} |`
    );
    out.push(
      `| ratio | ${x(plugin.p50 / baseline.p50)} | ${x(plugin.p95 / baseline.p95)} | ${x(p99)} |`
    );
    out.push(
      `| participation with an \`Idempotency-Key\` | ${ms(keyed.p50)} | ${ms(keyed.p95)} | ${ms(keyed.p99)} |`
    );
    out.push('');
    out.push(
      `Target p50 plugin / p50 REST create ≤ 1.5× (median of the rounds): ${x(p50Ratio)}, ` +
        `${verdict(p50Ratio <= 1.5)}; p99 ≤ 2× (all rounds): ${x(p99)}, ${verdict(p99 <= 2)}.`
    );
    out.push(
      `The key costs one indexed lookup: p50 ${ms(keyed.p50 - plugin.p50)} more than without it ` +
        `(${x(keyed.p50 / plugin.p50)}).`
    );
    out.push('');
    out.push(
      `Capacity with 8 clients, background issuing included: ${pluginRate.toFixed(0)} participations/s ` +
        `against ${baselineRate.toFixed(0)} REST creates/s (a participation costs ` +
        `${x(baselineRate / pluginRate)} a REST create).`
    );
    out.push('');
  }

  if (r.button) {
    const { latency, issued, n, client } = r.button;
    out.push(`### 2. Submit latency, Button mode, ClearOn at L = ${L} ms (${client})`);
    out.push('');
    out.push('| | p50 | p95 | p99 |');
    out.push('|---|---|---|---|');
    out.push(`| submit | ${ms(latency.p50)} | ${ms(latency.p95)} | ${ms(latency.p99)} |`);
    out.push(
      `| submit − L | ${ms(latency.p50 - L)} | ${ms(latency.p95 - L)} | ${ms(latency.p99 - L)} |`
    );
    out.push('');
    out.push(
      `${issued} of ${n} answers carried the issued coupon. Target p50 − L ≤ 25 ms: ${verdict(latency.p50 - L <= 25)}.`
    );
    out.push('');
  }

  if (r.throughput.length > 0) {
    out.push(`### 3. Issuing throughput, ClearOn at L = ${L} ms`);
    out.push('');
    out.push(
      'A backlog is written with the worker stopped, then the worker starts: coupons per second until the last one is recorded, against the limit C / L.'
    );
    out.push('');
    out.push(
      '| database | concurrency C | coupons | seconds | coupons/s | limit C/L | share | target ≥ 85 % |'
    );
    out.push('|---|---|---|---|---|---|---|---|');
    for (const t of r.throughput) {
      out.push(
        `| ${t.client} | ${t.concurrency} | ${t.count} | ${t.seconds.toFixed(1)} | ${t.rate.toFixed(1)} | ${t.limit} | ${(t.share * 100).toFixed(1)} % | ${verdict(t.share >= 0.85)} |`
      );
    }
    out.push('');
  }

  if (r.bursts.length > 0) {
    out.push(`### 4. Bursts, ClearOn at L = ${L} ms, worker concurrency 10 (limit 100 coupons/s)`);
    out.push('');
    out.push(
      'As fast as the API takes them (32 connections). "Per item" is the time until all are issued divided by the burst size: it should not grow with it.'
    );
    out.push('');
    out.push(
      '| database | participations | accepted/s | submit p50 / p99 | all issued after | per item | pending when the last was accepted | then issued at (share of 100/s) | peak RSS of Strapi (target < 600 MB) |'
    );
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const b of r.bursts) {
      const tailRate = b.tailSeconds > 0 ? b.backlogAtEnd / b.tailSeconds : 0;
      const tail = b.backlogAtEnd > 0 ? `${tailRate.toFixed(1)}/s (${tailRate.toFixed(0)} %)` : '–';
      out.push(
        `| ${b.client} | ${b.count}${b.failed ? ` (${b.failed} failed)` : ''} | ${(b.count / b.ingestSeconds).toFixed(0)} | ${ms(b.submit.p50)} / ${ms(b.submit.p99)} | ${b.allIssuedSeconds.toFixed(1)} s | ${((b.allIssuedSeconds * 1000) / b.count).toFixed(1)} ms | ${b.backlogAtEnd} | ${tail} | ${b.peakRssMb.toFixed(0)} MB (${b.rssAtStartMb.toFixed(0)} MB after boot) ${verdict(b.peakRssMb < 600)} |`
      );
    }
    out.push('');
    out.push(
      'While a burst comes in, issuing shares the CPU and the database with the submissions; "then issued at" is the rate once the API is idle, against the limit C / L = 100/s.'
    );
    out.push('');
  }

  if (r.exports.length > 0) {
    out.push('### 5. CSV export of the coupons dashboard');
    out.push('');
    out.push(
      '`GET /clearon/coupons/export` of every coupon (one in ten with its participant, recipient masked), read in batches of 1,000 and streamed; the benchmark counts the lines as they arrive. Target: works for 100,000 rows with flat memory.'
    );
    out.push('');
    out.push(
      '| database | rows | first byte after | all after | rows/s | size | peak RSS of Strapi (before the export) |'
    );
    out.push('|---|---|---|---|---|---|---|');
    for (const e of r.exports) {
      out.push(
        `| ${e.client} | ${e.rows} | ${ms(e.firstByteMs)} | ${e.seconds.toFixed(1)} s | ${(e.rows / e.seconds).toFixed(0)} | ${e.megabytes.toFixed(1)} MB | ${e.peakRssMb.toFixed(0)} MB (${e.rssBeforeMb.toFixed(0)} MB) |`
      );
    }
    out.push('');
  }

  if (r.rules.length > 0) {
    const diff = (a: Latency, b: Latency) => {
      const d = a.p50 - b.p50;
      return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(2)} ms`;
    };
    out.push("### 6. Live-campaign rules: what they cost, and one person's simultaneous submits");
    out.push('');
    out.push(
      `Automatic mode, ClearOn at 0 ms, ${r.rules[0].n} POSTs of each kind, one at a time, ` +
        `alternating, ${r.rules[0].pauseMs} ms apart, every participant new (every POST a 201).`
    );
    out.push('');
    out.push(
      "(a) The participation limit: the POST on a `participationLimit: 'once'` campaign against the " +
        "same POST on an `'unlimited'` one (`allowUnlimitedWithCoupon: true`), on the same Strapi. " +
        "Both check and record the recipient's daily ceiling (`limits.recipientPerDay`, 5)."
    );
    out.push('');
    out.push(
      '| database | `once` p50 / p95 | `unlimited` p50 / p95 | difference at p50 | target ≤ 1 ms |'
    );
    out.push('|---|---|---|---|---|');
    for (const f of r.rules) {
      const { once, unlimited } = f.limit;
      out.push(
        `| ${f.client} | ${ms(once.p50)} / ${ms(once.p95)} | ${ms(unlimited.p50)} / ${ms(unlimited.p95)} | ${diff(once, unlimited)} | ${verdict(once.p50 - unlimited.p50 <= 1)} |`
      );
    }
    out.push('');
    out.push(
      '(b) The shared rate limit: the POST on a Strapi with `rateLimit` on (budgets of 10⁹ per ' +
        'minute, never refusing) against a Strapi with `rateLimit.enabled: false`, both on fresh ' +
        'databases of the same kind, alternating between the two.'
    );
    out.push('');
    out.push(
      "| database | limiter's store | rate limit on p50 / p95 | off p50 / p95 | difference at p50 | target ≤ 1 ms |"
    );
    out.push('|---|---|---|---|---|---|');
    for (const f of r.rules) {
      if (!f.rateLimit) {
        out.push(`| ${f.client} | not measured in the short run (first database only) | | | | |`);
        continue;
      }
      const { on, off, store } = f.rateLimit;
      out.push(
        `| ${f.client} | ${store} | ${ms(on.p50)} / ${ms(on.p95)} | ${ms(off.p50)} / ${ms(off.p95)} | ${diff(on, off)} | ${verdict(on.p50 - off.p50 <= 1)} |`
      );
    }
    out.push('');
    out.push(
      `(c) ${r.rules[0].race.submits} simultaneous submits of one person (one email; every other ` +
        'one with an `Idempotency-Key` of its own, the rest without) to a `once` campaign. ' +
        'Invariant: exactly one 201 and one coupon, the rest 409; the run fails otherwise.'
    );
    out.push('');
    out.push(
      '| database | submits | 201 | 409 | other | participations of the person | coupons (issued, created by ClearOn) | holds |'
    );
    out.push('|---|---|---|---|---|---|---|---|');
    for (const f of r.rules) {
      const c = f.race;
      out.push(
        `| ${f.client} | ${c.submits} | ${c.created} | ${c.conflicts} | ${c.other} | ${c.participations} | ${c.coupons} (${c.issued}, ${c.createdByClearOn}) | ${c.holds ? 'yes' : '**no**'} |`
      );
    }
    out.push('');
  }

  if (r.outages.length > 0) renderOutages(out, r.outages);

  out.push('### Invariants');
  out.push('');
  out.push('| run | participations | issued | duplicates (target 0) | lost (target 0) |');
  out.push('|---|---|---|---|---|');
  for (const i of r.invariants) {
    out.push(`| ${i.label} | ${i.participations} | ${i.issued} | ${i.duplicates} | ${i.lost} |`);
  }
  return out.join('\n');
};

/** Figure 7: what ClearOn received during the outage, and the drain once it was back. */
const renderOutages = (out: string[], outages: OutageResult[]) => {
  const o = outages[0];
  const s = (n: number) => `${n.toFixed(1)} s`;
  out.push(
    `### 7. A backlog built during a ClearOn outage, drained once it is back (L = ${o.latencyMs} ms)`
  );
  out.push('');
  out.push(
    `A fresh Strapi, worker concurrency C = ${o.concurrency}, the circuit's defaults (` +
      `\`failureThreshold\` ${o.failureThreshold}, backoff 1 s to 10 min, \`retryForMs\` 72 h) ` +
      `except \`probeIntervalMs\` ${o.probeIntervalMs} ms (default 30 s), so that the figure runs ` +
      'in minutes. ClearOn goes down (every connection reset without an answer), the backlog comes ' +
      'in through the public API, the circuit opens, every coupon is parked, and the outage goes ' +
      `on for ${o.holdProbes} more probe intervals. While the circuit is open ClearOn gets one ` +
      'probe per interval: the requests of the outage must stay within `failureThreshold` + C ' +
      '(the tries under way when it opened) + the intervals it was open + 1, or the run fails. ' +
      'They are split at half an interval after the circuit opened (the first probe is due one ' +
      'interval after). The drain runs from the probe that reached ClearOn once it was back to ' +
      'the last coupon recorded, against the limit C / L, as in figure 3.'
  );
  out.push('');
  out.push(
    '| database | backlog | accepted in | outage | circuit open after / for | requests ClearOn received during the outage | before / after the circuit opened | probe intervals while open | bound | attempts spent by the backlog |'
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const t of outages) {
    out.push(
      `| ${t.client} | ${t.backlog} | ${s(t.ingestSeconds)} | ${s(t.outageSeconds)} | ${s(t.openedAfterSeconds)} / ${s(t.openSeconds)} | **${t.requests}** | ${t.beforeOpen} / ${t.afterOpen} | ${t.intervals} | ${t.bound} ${t.requests <= t.bound ? 'held' : '**broken**'} | ${t.attemptsSpent} |`
    );
  }
  out.push('');
  out.push(
    '| database | back → probe | probe → next request | drain (probe → last recorded) | coupons/s | limit C/L | share | target ≥ 85 % | steady rate (10–90 %) | back → all issued (rate) | requests after the outage (not 201) |'
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const t of outages) {
    out.push(
      `| ${t.client} | ${t.probeAfterMs} ms | ${t.wakeMs} ms | ${s(t.drainSeconds)} | ${t.rate.toFixed(1)} | ${t.limit} | ${(t.share * 100).toFixed(1)} % | ${verdict(t.share >= 0.85)} | ${t.steadyRate.toFixed(1)}/s | ${s(t.backToDoneSeconds)} (${t.rateFromBack.toFixed(1)}/s) | ${t.requestsAfter} (${t.notCreatedAfter}) |`
    );
  }
  out.push('');
  out.push(
    `With the default \`probeIntervalMs\` (30 s) an outage sends ClearOn at most 120 probes an hour ` +
      'per integration, whatever the backlog; the wait between ClearOn coming back and its next ' +
      'probe grows to at most 30 s, the drain itself does not change.'
  );
  out.push('');
};
