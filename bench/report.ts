import type { DatabaseClient } from '../tests/harness/database';
import type { Latency } from './lib';

export interface Results {
  short: boolean;
  machine: Record<string, string>;
  seconds?: number;
  latency?: {
    client: DatabaseClient;
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
    const { plugin, baseline, keyed, client, pauseMs, pluginRate, baselineRate } = r.latency;
    const p50 = plugin.p50 / baseline.p50;
    const p99 = plugin.p99 / baseline.p99;
    out.push(`### 1. Submit latency, Automatic mode, ClearOn at 0 ms (${client})`);
    out.push('');
    out.push(
      `${plugin.n} \`POST /api/clearon/campaigns/:slug/participations\` against ${baseline.n} ` +
        "`POST /api/entries` (Strapi's own REST create of `api::entry.entry`: strings, an email, an " +
        `enumeration and a JSON field), one at a time, alternating, ${pauseMs} ms apart (so that ` +
        'neither is timed while the coupon of a participation is issued in the background).'
    );
    out.push('');
    out.push('| | p50 | p95 | p99 |');
    out.push('|---|---|---|---|');
    out.push(`| participation | ${ms(plugin.p50)} | ${ms(plugin.p95)} | ${ms(plugin.p99)} |`);
    out.push(
      `| REST create (baseline) | ${ms(baseline.p50)} | ${ms(baseline.p95)} | ${ms(baseline.p99)} |`
    );
    out.push(`| ratio | ${x(p50)} | ${x(plugin.p95 / baseline.p95)} | ${x(p99)} |`);
    out.push(
      `| participation with an \`Idempotency-Key\` | ${ms(keyed.p50)} | ${ms(keyed.p95)} | ${ms(keyed.p99)} |`
    );
    out.push('');
    out.push(`Target p50 ≤ 1.5× baseline: ${verdict(p50 <= 1.5)}; p99 ≤ 2×: ${verdict(p99 <= 2)}.`);
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

  out.push('### Invariants');
  out.push('');
  out.push('| run | participations | issued | duplicates (target 0) | lost (target 0) |');
  out.push('|---|---|---|---|---|');
  for (const i of r.invariants) {
    out.push(`| ${i.label} | ${i.participations} | ${i.issued} | ${i.duplicates} | ${i.lost} |`);
  }
  return out.join('\n');
};
