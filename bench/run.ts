/**
 * `npm run bench` (full, writes docs/benchmarks.md) and `npm run bench -- --short` (or BENCH_SHORT=1:
 * two to three minutes, for CI: checks the invariants, prints the figures, writes nothing under docs/).
 *
 * Each figure runs the playground Strapi in a child process (tests/harness/child-strapi.ts) on a fresh
 * database, with the ClearOn simulator in this process, and is measured against its limit or its
 * baseline in the same run: this machine is shared and noisy, ratios are what carry over.
 *
 * Options: --short, --db sqlite,postgres (default both), --out FILE (full mode; default
 * docs/benchmarks.md), --figures 1,2,3,4,5,6,7 (default all; a partial run prints and never writes).
 */
import fs from 'fs';
import path from 'path';
import type { Simulator } from '../simulator/src';
import { CHILD_OPS } from '../tests/harness/child-ops';
import { compilePlayground, startChildStrapi } from '../tests/harness/child-strapi';
import type { DatabaseClient } from '../tests/harness/database';
import { createJsonClient } from '../tests/harness/http-client';
import {
  BENCH_CONFIG,
  RATE_LIMITED_CONFIG,
  checkInvariants,
  couponCounts,
  createEntry,
  latency,
  log,
  machine,
  median,
  newSimulator,
  runPool,
  sleep,
  startStack,
  submit,
  waitAllIssued,
  type Invariants,
  type Latency,
  type Stack,
} from './lib';
import { outageDrain } from './figure-outage';
import { renderReport, type Results, type RulesResult } from './report';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SHORT = argv.includes('--short') || process.env.BENCH_SHORT === '1';
const DATABASES = (option('--db') ?? 'sqlite,postgres').split(',') as DatabaseClient[];
const OUT = option('--out') ?? path.join(__dirname, '..', 'docs', 'benchmarks.md');
const ALL_FIGURES = [1, 2, 3, 4, 5, 6, 7];
const FIGURES = new Set((option('--figures') ?? ALL_FIGURES.join(',')).split(',').map(Number));
const PARTIAL = ALL_FIGURES.some((figure) => !FIGURES.has(figure));

const PLAN = SHORT
  ? {
      warmup: 50,
      rounds: 3,
      latencyN: 100,
      rulesN: 80,
      rulesWarmup: 20,
      // (b) needs a second Strapi: the short run measures it on the first database only.
      rateLimitOnEveryDatabase: false,
      capacityN: 300,
      buttonN: 40,
      backlog: 400,
      concurrencies: [10],
      bursts: [500],
      exportRows: 20_000,
      outageBacklog: 500,
    }
  : {
      warmup: 200,
      rounds: 3,
      latencyN: 800,
      rulesN: 800,
      rulesWarmup: 100,
      rateLimitOnEveryDatabase: true,
      capacityN: 1000,
      buttonN: 300,
      backlog: 2000,
      concurrencies: [10, 50],
      bursts: [1000, 5000, 10000],
      exportRows: 100_000,
      outageBacklog: 5000,
    };
const L = 100;
const PAUSE_MS = 20;
/** Figure 6 (c): simultaneous submits of one person to a `once` campaign. */
const RACE_N = 50;

const ok = (status: number) => status === 200 || status === 201;

/**
 * Figure 1: the public POST (Automatic, ClearOn at 0 ms, the campaign `once`, every participant new)
 * against Strapi's own REST create. Latency: PLAN.rounds rounds, each one request at a time,
 * alternating, with a pause after each so that neither is measured while the other's background work
 * (the coupon issued after the commit) runs; the figure is the median of the rounds' p50 ratios, so
 * that one noisy stretch of a shared machine does not decide it. Capacity: requests per second of
 * each alone with 8 clients, which does count that background work. A third series sends each
 * participation with an Idempotency-Key, to show what the key costs.
 */
const submitLatency = async (stack: Stack, simulator: Simulator) => {
  simulator.setLatency(0);
  log(
    `figure 1: ${PLAN.rounds} rounds of ${PLAN.latencyN} participations vs ${PLAN.latencyN} ` +
      'REST creates, alternating'
  );
  for (let i = 0; i < PLAN.warmup; i++) {
    await createEntry(stack);
    await submit(stack, 'auto');
  }
  const all = { plugin: [] as number[], baseline: [] as number[], keyed: [] as number[] };
  const rounds: Array<{ plugin: Latency; baseline: Latency; keyed: Latency }> = [];
  const pause = () => sleep(PAUSE_MS);
  for (let round = 1; round <= PLAN.rounds; round++) {
    const plugin: number[] = [];
    const baseline: number[] = [];
    const keyed: number[] = [];
    for (let i = 0; i < PLAN.latencyN; i++) {
      let entry;
      let participation;
      if (i % 2) {
        entry = await createEntry(stack);
        await pause();
        participation = await submit(stack, 'auto');
      } else {
        participation = await submit(stack, 'auto');
        await pause();
        entry = await createEntry(stack);
      }
      await pause();
      const withKey = await submit(stack, 'auto', true);
      await pause();
      if (!ok(entry.status) || participation.status !== 201 || withKey.status !== 201) {
        throw new Error(
          `figure 1: HTTP ${entry.status} / ${participation.status} / ${withKey.status}`
        );
      }
      baseline.push(entry.ms);
      plugin.push(participation.ms);
      keyed.push(withKey.ms);
    }
    await waitAllIssued(stack, 60_000);
    const figures = { plugin: latency(plugin), baseline: latency(baseline), keyed: latency(keyed) };
    rounds.push(figures);
    all.plugin.push(...plugin);
    all.baseline.push(...baseline);
    all.keyed.push(...keyed);
    log(
      `figure 1, round ${round}: p50 ${figures.plugin.p50.toFixed(1)} against ` +
        `${figures.baseline.p50.toFixed(1)} ms (${(figures.plugin.p50 / figures.baseline.p50).toFixed(2)}×)`
    );
  }

  const capacity = async (send: () => Promise<{ status: number }>) => {
    const started = Date.now();
    const results = await runPool(PLAN.capacityN, 8, send);
    if (results.some((r) => !ok(r.status))) throw new Error('figure 1: a request failed');
    return PLAN.capacityN / ((Date.now() - started) / 1000);
  };
  log(`figure 1: capacity, ${PLAN.capacityN} of each with 8 clients`);
  const baselineRate = await capacity(() => createEntry(stack));
  const pluginRate = await capacity(() => submit(stack, 'auto'));
  await waitAllIssued(stack, 120_000);
  return {
    rounds,
    p50Ratio: median(rounds.map((r) => r.plugin.p50 / r.baseline.p50)),
    plugin: latency(all.plugin),
    baseline: latency(all.baseline),
    keyed: latency(all.keyed),
    pauseMs: PAUSE_MS,
    pluginRate,
    baselineRate,
  };
};

/** Figure 2: Button mode, ClearOn at L ms: the submit answers once the coupon is issued. */
const buttonLatency = async (stack: Stack, simulator: Simulator) => {
  simulator.setLatency(L);
  log(`figure 2: ${PLAN.buttonN} Button-mode participations, ClearOn at ${L} ms`);
  for (let i = 0; i < 10; i++) await submit(stack, 'button');
  const times: number[] = [];
  let issued = 0;
  for (let i = 0; i < PLAN.buttonN; i++) {
    const res = await submit(stack, 'button');
    if (res.status !== 201) throw new Error(`figure 2: HTTP ${res.status}`);
    if (res.body.data?.coupon?.status === 'issued') issued += 1;
    times.push(res.ms);
  }
  simulator.setLatency(0);
  return { latency: latency(times), issued, n: PLAN.buttonN };
};

/**
 * Figure 3: issuing throughput. The worker is stopped while a backlog is written, then started:
 * coupons per second until the last is recorded, against the limit C / L.
 */
const throughput = async (stack: Stack, simulator: Simulator, concurrency: number) => {
  const count = PLAN.backlog * (concurrency > 10 ? 2 : 1);
  log(`figure 3 (${stack.client}, C=${concurrency}): backlog of ${count}, ClearOn at ${L} ms`);
  await stack.strapi.call(CHILD_OPS, 'stopIssuer');
  const responses = await runPool(count, 16, () => submit(stack, 'auto'));
  if (responses.some((r) => r.status !== 201)) throw new Error('figure 3: a submit failed');
  simulator.setLatency(L);
  const started = Date.now();
  await stack.strapi.call(CHILD_OPS, 'startIssuer');
  const done = await waitAllIssued(stack, 600_000, 50);
  simulator.setLatency(0);
  const seconds = (done - started) / 1000;
  const rate = count / seconds;
  const limit = concurrency / (L / 1000);
  return { concurrency, count, seconds, rate, limit, share: rate / limit };
};

/** Figure 4 and the scale runs: a burst as fast as the API takes it, ClearOn at L ms. */
const burst = async (stack: Stack, simulator: Simulator, count: number) => {
  log(`burst (${stack.client}): ${count} participations, ClearOn at ${L} ms`);
  simulator.setLatency(L);
  const rssAtStart = stack.strapi.peakRssKb();
  const started = Date.now();
  const responses = await runPool(count, 32, () => submit(stack, 'auto'));
  const ingested = Date.now();
  const failed = responses.filter((r) => r.status !== 201).length;
  const backlog = (await couponCounts(stack)).pending;
  const done = await waitAllIssued(stack, 900_000, 100);
  simulator.setLatency(0);
  return {
    count,
    failed,
    ingestSeconds: (ingested - started) / 1000,
    allIssuedSeconds: (done - started) / 1000,
    backlogAtEnd: backlog,
    tailSeconds: (done - ingested) / 1000,
    submit: latency(responses.map((r) => r.ms)),
    peakRssMb: stack.strapi.peakRssKb() / 1024,
    rssAtStartMb: rssAtStart / 1024,
  };
};

/**
 * Figure 5: the coupons dashboard's CSV export of PLAN.exportRows coupons (one in ten with its
 * participant), streamed over HTTP and counted as it arrives, on a fresh Strapi.
 */
const csvExport = async (client: DatabaseClient, simulator: Simulator) => {
  const rows = PLAN.exportRows;
  log(`figure 5 (${client}): CSV export of ${rows} coupons`);
  const stack = await startStack(client, simulator, `${client}-export`);
  try {
    await stack.strapi.call(CHILD_OPS, 'seedIssuedCoupons', { count: rows });
    const token = await stack.strapi.call<string>(CHILD_OPS, 'adminToken');
    const rssBeforeMb = stack.strapi.peakRssKb() / 1024;
    const started = Date.now();
    const response = await fetch(`${stack.strapi.url}/clearon/coupons/export`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status !== 200 || !response.body) {
      throw new Error(`figure 5: HTTP ${response.status}`);
    }
    let bytes = 0;
    let lines = 0;
    let firstByteMs = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (bytes === 0) firstByteMs = Date.now() - started;
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    const seconds = (Date.now() - started) / 1000;
    if (lines !== rows + 1) throw new Error(`figure 5: ${lines} lines for ${rows} rows`);
    return {
      client,
      rows,
      seconds,
      megabytes: bytes / 1e6,
      firstByteMs,
      peakRssMb: stack.strapi.peakRssKb() / 1024,
      rssBeforeMb,
    };
  } finally {
    await stack.stop();
  }
};

/**
 * Two kinds of POST, one at a time, `n` of each, alternating which goes first, PAUSE_MS after each
 * (neither is timed while the other's coupon is issued in the background); both must answer 201.
 */
const alternating = async (
  label: string,
  n: number,
  first: () => Promise<{ status: number; ms: number }>,
  second: () => Promise<{ status: number; ms: number }>
): Promise<[Latency, Latency]> => {
  const a: number[] = [];
  const b: number[] = [];
  const pause = () => sleep(PAUSE_MS);
  for (let i = 0; i < n; i++) {
    let x;
    let y;
    if (i % 2) {
      y = await second();
      await pause();
      x = await first();
    } else {
      x = await first();
      await pause();
      y = await second();
    }
    await pause();
    if (x.status !== 201 || y.status !== 201) {
      throw new Error(`${label}: HTTP ${x.status} / ${y.status}`);
    }
    a.push(x.ms);
    b.push(y.ms);
  }
  return [latency(a), latency(b)];
};

/**
 * Figure 6, the live-campaign rules, on `stack` (rate limit off, its `auto` campaign `once`):
 * (b) the shared rate limit: the same POST against a second Strapi on a database of the same kind,
 * the limit on with a budget that never refuses, alternating between the two; (a) the participation
 * limit: the POST on the `once` campaign against an `unlimited` one on the same Strapi, alternating;
 * (c) RACE_N simultaneous submits of one person to the `once` campaign: one 201, one coupon.
 * Every participant of (a) and (b) is new, so that every POST is a 201.
 */
const liveRules = async (
  stack: Stack,
  simulator: Simulator,
  check: (stack: Stack, label: string) => Promise<void>,
  withRateLimit: boolean
): Promise<RulesResult> => {
  const { client } = stack;
  const n = PLAN.rulesN;
  const warmup = PLAN.rulesWarmup;
  simulator.setLatency(0);
  let rateLimit: RulesResult['rateLimit'];

  if (withRateLimit) {
    log(`figure 6 (${client}): rate limit on against off, ${n} POSTs each, two Strapis`);
    const limited = await startStack(
      client,
      simulator,
      `${client}-ratelimit`,
      10,
      RATE_LIMITED_CONFIG()
    );
    try {
      for (let i = 0; i < warmup; i++) {
        await submit(limited, 'auto');
        await submit(stack, 'auto');
      }
      const [on, off] = await alternating(
        'figure 6 (b)',
        n,
        () => submit(limited, 'auto'),
        () => submit(stack, 'auto')
      );
      rateLimit = { store: client === 'sqlite' ? 'memory' : 'database table', on, off };
      await waitAllIssued(limited, 60_000);
      await check(limited, `${client}: figure 6, the Strapi with the rate limit on`);
    } finally {
      await limited.stop();
    }
  }

  log(`figure 6 (${client}): \`once\` against \`unlimited\`, ${n} POSTs each, one Strapi`);
  await stack.strapi.call(CHILD_OPS, 'setupCampaign', {
    endpoint: simulator.endpoint,
    slug: 'unlimited',
    delivery: 'automatic',
    participationLimit: 'unlimited',
    allowUnlimitedWithCoupon: true,
  });
  for (let i = 0; i < warmup; i++) {
    await submit(stack, 'auto');
    await submit(stack, 'unlimited');
  }
  const [once, unlimited] = await alternating(
    'figure 6 (a)',
    n,
    () => submit(stack, 'auto'),
    () => submit(stack, 'unlimited')
  );
  await waitAllIssued(stack, 60_000);

  log(`figure 6 (${client}): ${RACE_N} simultaneous submits of one person to a \`once\` campaign`);
  const email = `same.person.${client}.${Date.now()}@example.se`;
  const answers = { firstname: 'Same', email, deliveryType: 'email' };
  // Every other submit carries an Idempotency-Key of its own, the rest none.
  const responses = await Promise.all(
    Array.from({ length: RACE_N }, (_, i) => submit(stack, 'auto', i % 2 === 0, answers))
  );
  await waitAllIssued(stack, 60_000);
  const person = await stack.strapi.call<{
    references: string[];
    coupons: Array<{ reference: string; status: string }>;
  }>(CHILD_OPS, 'personSummary', { email });
  const createdByClearOn = simulator.received.filter(
    (entry) =>
      entry.status === 201 &&
      person.references.includes((entry.body as { reference?: string } | null)?.reference ?? '')
  ).length;
  const created = responses.filter((r) => r.status === 201).length;
  const conflicts = responses.filter((r) => r.status === 409).length;
  const race = {
    submits: RACE_N,
    created,
    conflicts,
    other: RACE_N - created - conflicts,
    participations: person.references.length,
    coupons: person.coupons.length,
    issued: person.coupons.filter((c) => c.status === 'issued').length,
    createdByClearOn,
    holds:
      created === 1 &&
      conflicts === RACE_N - 1 &&
      person.references.length === 1 &&
      person.coupons.length === 1 &&
      person.coupons[0].status === 'issued' &&
      createdByClearOn === 1,
  };
  log(`figure 6 (${client}): race ${JSON.stringify(race)}`);
  return { client, n, pauseMs: PAUSE_MS, rateLimit, limit: { once, unlimited }, race };
};

/** A new child with worker concurrency C on the stack's database (same data, new config). */
const withConcurrency = async (stack: Stack, concurrency: number): Promise<Stack> => {
  stack.http.close();
  await stack.strapi.stop();
  const strapi = await startChildStrapi({
    database: stack.database,
    name: `bench-${stack.client}-c${concurrency}`,
    pluginConfig: BENCH_CONFIG(concurrency),
    env: { NODE_ENV: 'production' },
  });
  const http = createJsonClient(strapi.url, 64);
  return {
    ...stack,
    strapi,
    http,
    async stop() {
      http.close();
      await strapi.stop();
      await stack.database.drop();
    },
  };
};

const main = async () => {
  const started = Date.now();
  log(`${SHORT ? 'short' : 'full'} run on ${DATABASES.join(', ')}; compiling the playground`);
  await compilePlayground();
  const simulator = await newSimulator();
  const results: Results = {
    short: SHORT,
    machine: await machine(DATABASES),
    throughput: [],
    bursts: [],
    exports: [],
    rules: [],
    outages: [],
    invariants: [],
  };
  const check = async (stack: Stack, label: string) => {
    const found: Invariants = await checkInvariants(stack, simulator);
    results.invariants.push({ label, ...found });
    log(`invariants ${label}: ${JSON.stringify(found)}`);
  };

  try {
    for (const client of DATABASES) {
      let stack = await startStack(client, simulator, client);
      try {
        // First, while the database is nearly empty, as the second Strapi's of (b) is.
        if (FIGURES.has(6)) {
          const withRateLimit = PLAN.rateLimitOnEveryDatabase || client === DATABASES[0];
          results.rules.push(await liveRules(stack, simulator, check, withRateLimit));
        }
        if (client === DATABASES[0]) {
          if (FIGURES.has(1)) {
            results.latency = { client, ...(await submitLatency(stack, simulator)) };
          }
          if (FIGURES.has(2))
            results.button = { client, ...(await buttonLatency(stack, simulator)) };
        }
        for (const concurrency of FIGURES.has(3) ? PLAN.concurrencies : []) {
          if (concurrency !== 10) stack = await withConcurrency(stack, concurrency);
          results.throughput.push({ client, ...(await throughput(stack, simulator, concurrency)) });
        }
        if (SHORT && FIGURES.has(4)) {
          // One Strapi for everything in the short run; its peak RSS covers all of it.
          for (const count of PLAN.bursts) {
            results.bursts.push({ client, ...(await burst(stack, simulator, count)) });
          }
        }
        await check(
          stack,
          `${client}: ${FIGURES.has(6) ? 'figure 6, ' : ''}latency, button and throughput runs`
        );
      } finally {
        await stack.stop();
      }
      if (FIGURES.has(5)) results.exports.push(await csvExport(client, simulator));
      if (FIGURES.has(7)) {
        results.outages.push(await outageDrain(client, simulator, PLAN.outageBacklog, check));
      }
      if (SHORT || !FIGURES.has(4)) continue;
      // Full run: each burst on a fresh database and a fresh Strapi (clean peak RSS).
      const sizes = client === DATABASES[0] ? PLAN.bursts : [5000];
      for (const count of sizes) {
        const fresh = await startStack(client, simulator, `${client}-burst${count}`);
        try {
          results.bursts.push({ client, ...(await burst(fresh, simulator, count)) });
          await check(fresh, `${client}: burst of ${count}`);
        } finally {
          await fresh.stop();
        }
        await sleep(1000);
      }
    }
  } finally {
    await simulator.close();
  }

  results.seconds = (Date.now() - started) / 1000;
  const report = renderReport(results);
  process.stdout.write(`${report}\n`);
  if (!SHORT && !PARTIAL) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const block = `${start}\n${report}\n${end}`;
    const next =
      current.includes(start) && current.includes(end)
        ? current.slice(0, current.indexOf(start)) +
          block +
          current.slice(current.indexOf(end) + end.length)
        : `${current}\n${block}\n`;
    fs.writeFileSync(OUT, next);
    log(`wrote ${path.relative(process.cwd(), OUT)}`);
  }
  const broken = results.invariants.filter(
    (i) => i.duplicates > 0 || i.lost > 0 || i.issued !== i.participations
  );
  const failedSubmits = results.bursts.filter((b) => b.failed > 0);
  // Figure 6 (c): simultaneous submits of one person to a `once` campaign, one 201 and one coupon.
  const races = results.rules.filter((r) => !r.race.holds);
  // Figure 7: ClearOn's requests during the outage within their bound, the circuit closed after.
  const outages = results.outages.filter((o) => !o.holds);
  if (broken.length > 0 || failedSubmits.length > 0 || races.length > 0 || outages.length > 0) {
    log(`INVARIANTS BROKEN: ${JSON.stringify({ broken, failedSubmits, races, outages })}`);
    process.exitCode = 1;
  } else {
    log(`invariants hold: 0 duplicates, 0 lost (${Math.round(results.seconds)} s)`);
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
