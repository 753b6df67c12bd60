import os from 'os';
import { randomBytes, randomUUID } from 'crypto';
import { startSimulator, type Simulator } from '../simulator/src';
import { createDatabase, startChildStrapi, type ChildStrapi } from '../tests/harness/child-strapi';
import { CHILD_OPS, type OutboxRow } from '../tests/harness/child-ops';
import type { DatabaseClient, TestDatabase } from '../tests/harness/database';
import { createJsonClient, runPool, type JsonClient } from '../tests/harness/http-client';

export { runPool };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const log = (message: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** Nearest-rank percentile of `values` (ms). */
export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
};

/** The middle value (nearest rank): of three rounds' ratios, the middle one. */
export const median = (values: number[]) => percentile(values, 50);

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export const latency = (values: number[]): Latency => ({
  n: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
});

/** A Strapi child on a fresh database of `client`, with the simulator and a campaign per mode. */
export interface Stack {
  client: DatabaseClient;
  database: TestDatabase;
  strapi: ChildStrapi;
  http: JsonClient;
  stop(): Promise<void>;
}

export const BENCH_CONFIG = (concurrency = 10) => ({
  // The API is driven as fast as it takes requests: the per-IP limit would stop a benchmark.
  rateLimit: { enabled: false },
  worker: { concurrency },
});

/**
 * Figure 6 (b): the shared rate limit on, with a budget so large that it never refuses: every
 * request still goes through the limiter's store (the database table on PostgreSQL, memory on SQLite).
 */
export const RATE_LIMITED_CONFIG = (concurrency = 10) => ({
  ...BENCH_CONFIG(concurrency),
  rateLimit: {
    enabled: true,
    post: { points: 1_000_000_000, durationSec: 60 },
    get: { points: 1_000_000_000, durationSec: 60 },
  },
});

export const startStack = async (
  client: DatabaseClient,
  simulator: Simulator,
  name: string,
  concurrency = 10,
  pluginConfig: Record<string, unknown> = BENCH_CONFIG(concurrency)
): Promise<Stack> => {
  const database = await createDatabase(client);
  const strapi = await startChildStrapi({
    database,
    name: `bench-${name}`,
    pluginConfig,
    env: { NODE_ENV: 'production' },
  });
  await strapi.call(CHILD_OPS, 'setupCampaign', {
    endpoint: simulator.endpoint,
    slug: 'auto',
    delivery: 'automatic',
    participationLimit: 'once', // a live campaign's rule: one participation per person
  });
  await strapi.call(CHILD_OPS, 'setupCampaign', {
    endpoint: simulator.endpoint,
    slug: 'button',
    delivery: 'button',
    participationLimit: 'once', // a live campaign's rule: one participation per person
  });
  const http = createJsonClient(strapi.url, 64);
  return {
    client,
    database,
    strapi,
    http,
    async stop() {
      http.close();
      await strapi.stop();
      await database.drop();
    },
  };
};

export const newSimulator = () => startSimulator({ latencyMs: 0 });

let counter = 0;

/** A participant of the form campaign (tests/fixtures/campaigns.ts), always valid and unique. */
export const participant = () => {
  const n = counter++;
  return { firstname: `Bench${n}`, email: `bench.${n}@example.se`, deliveryType: 'email' };
};

/**
 * A participation of a new participant (or of `answers`); with `withKey`, sent with a new
 * Idempotency-Key (what a careful front end does). `auto` and `button` are startStack's campaigns.
 */
export const submit = (
  stack: Stack,
  slug: string,
  withKey = false,
  answers: Record<string, string> = participant()
) =>
  stack.http.post<{ data?: { id: string; coupon?: { status: string } } }>(
    `/api/clearon/campaigns/${slug}/participations`,
    { answers },
    withKey ? { 'Idempotency-Key': randomUUID() } : undefined
  );

/** Strapi's own REST create of a comparable content type (playground api::entry.entry). */
export const createEntry = (stack: Stack) => {
  const n = counter++;
  return stack.http.post<{ data?: { documentId: string } }>('/api/entries', {
    data: {
      firstName: `Bench${n}`,
      email: `bench.${n}@example.se`,
      deliveryType: 'email',
      reference: `ref_${randomBytes(15).toString('base64url')}`,
      answers: { firstname: `Bench${n}`, email: `bench.${n}@example.se`, deliveryType: 'email' },
    },
  });
};

export const couponCounts = (stack: Stack) =>
  stack.strapi.call<Record<string, number>>(CHILD_OPS, 'couponStatusCounts');

/** Waits until no coupon is pending; resolves to the time it was first seen so (epoch ms). */
export const waitAllIssued = async (stack: Stack, timeoutMs: number, everyMs = 200) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await couponCounts(stack);
    if (counts.pending === 0) return Date.now();
    if (Date.now() > deadline) {
      throw new Error(`still pending after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    }
    await sleep(everyMs);
  }
};

export interface Invariants {
  participations: number;
  issued: number;
  /** References ClearOn created more than one coupon for. */
  duplicates: number;
  /** Participations without an issued coupon, or whose coupon ClearOn never created. */
  lost: number;
}

/** The outbox against the simulator: one issued coupon per participation, created once. */
export const checkInvariants = async (stack: Stack, simulator: Simulator): Promise<Invariants> => {
  const { participations, coupons } = await stack.strapi.call<{
    participations: string[];
    coupons: OutboxRow[];
  }>(CHILD_OPS, 'outboxSummary');
  const created = new Map<string, number>();
  for (const entry of simulator.received) {
    const reference = (entry.body as { reference?: string } | null)?.reference;
    if (reference && entry.status === 201)
      created.set(reference, (created.get(reference) ?? 0) + 1);
  }
  const byReference = new Map(coupons.map((c) => [c.reference, c]));
  let lost = 0;
  let duplicates = 0;
  for (const reference of participations) {
    const coupon = byReference.get(reference);
    const times = created.get(reference) ?? 0;
    if (!coupon || coupon.status !== 'issued' || times === 0) lost += 1;
    if (times > 1) duplicates += 1;
  }
  return {
    participations: participations.length,
    issued: coupons.filter((c) => c.status === 'issued').length,
    duplicates,
    lost,
  };
};

export const machine = async (clients: DatabaseClient[]) => {
  const info: Record<string, string> = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'} (nproc ${os.availableParallelism?.() ?? os.cpus().length})`,
    ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / '),
  };
  if (clients.includes('sqlite')) {
    type Sqlite = { prepare(sql: string): { get(): { v: string } }; close(): void };
    const Database = require('better-sqlite3') as new (file: string) => Sqlite;
    const db = new Database(':memory:');
    info.sqlite = `SQLite ${db.prepare('select sqlite_version() as v').get().v} (better-sqlite3, file on local disk)`;
    db.close();
  }
  if (clients.includes('postgres')) {
    const { Client } = require('pg') as typeof import('pg');
    const pg = new Client({
      host: process.env.DATABASE_HOST ?? '127.0.0.1',
      port: Number(process.env.DATABASE_PORT ?? 5432),
      user: process.env.DATABASE_USERNAME ?? 'postgres',
      password: process.env.DATABASE_PASSWORD ?? '',
      database: 'postgres',
    });
    await pg.connect();
    const { rows } = await pg.query('SHOW server_version');
    info.postgres = `PostgreSQL ${rows[0].server_version} (127.0.0.1)`;
    await pg.end();
  }
  return info;
};
