import type { RecordedRequest, Simulator } from '../../simulator/src';
import type { ChildStrapi } from '../harness/child-strapi';
import { CHILD_OPS, type OutboxRow } from '../harness/child-ops';
import type { JsonClient } from '../harness/http-client';

export { CHILD_OPS };

/** The plugin config of the fault tests: no rate limit, no Button wait, a quick worker. */
export const faultConfig = (worker: Record<string, unknown>) => ({
  rateLimit: { enabled: false },
  buttonWaitMs: 0,
  worker: { concurrency: 10, pollIntervalMs: 100, ...worker },
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const referenceOf = (entry: RecordedRequest) =>
  (entry.body as { reference?: string } | null)?.reference ?? '';

/** A participant of tests/fixtures/campaigns.ts formCampaign, unique per `i`. */
export const participant = (i: number, tag = 'p') => ({
  firstname: `${tag}${i}`,
  email: `${tag}.${i}@example.se`,
  deliveryType: 'email',
});

export const submit = (client: JsonClient, slug: string, i: number, tag?: string) =>
  client.post<{ data?: { id: string } }>(`/api/clearon/campaigns/${slug}/participations`, {
    answers: participant(i, tag),
  });

export interface IssueCounts {
  /** 201 answers: coupons ClearOn created, per reference. */
  created: Map<string, number>;
  /** 200 answers: the same coupon again (a retried reference). */
  replayed: Map<string, number>;
  /** Every request per reference, whatever its answer. */
  requests: Map<string, number>;
}

/** What the simulator saw, by reference (only non-dry-run issue requests). */
export const countIssues = (simulator: Simulator): IssueCounts => {
  const counts: IssueCounts = { created: new Map(), replayed: new Map(), requests: new Map() };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const entry of simulator.received) {
    const reference = referenceOf(entry);
    if (!reference) continue;
    bump(counts.requests, reference);
    if (entry.status === 201) bump(counts.created, reference);
    if (entry.status === 200) bump(counts.replayed, reference);
  }
  return counts;
};

export const outbox = (child: ChildStrapi) =>
  child.call<{ participations: string[]; coupons: OutboxRow[] }>(CHILD_OPS, 'outboxSummary');

/** Polls the database (through `child`) until every coupon row has left `pending`. */
export const waitAllSettled = async (child: ChildStrapi, expected: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, number> = {};
  while (Date.now() < deadline) {
    last = await child.call<Record<string, number>>(CHILD_OPS, 'couponStatusCounts');
    const total = Object.values(last).reduce((a, n) => a + n, 0);
    if (total >= expected && last.pending === 0) return last;
    await sleep(250);
  }
  throw new Error(`coupons still pending after ${timeoutMs} ms: ${JSON.stringify(last)}`);
};

/**
 * The invariant of every fault test: every participation has exactly one coupon row, every coupon
 * is issued, ClearOn created exactly one coupon per reference (a 201 once; retries after a crash or
 * a lost answer get the same coupon back, 200), and the code stored is the one ClearOn made.
 */
export const expectIssuedExactlyOnce = async (
  child: ChildStrapi,
  simulator: Simulator,
  expectedParticipations?: number
) => {
  const { participations, coupons } = await outbox(child);
  if (expectedParticipations !== undefined) {
    expect(participations).toHaveLength(expectedParticipations);
  }
  expect(coupons.map((c) => c.reference).sort()).toEqual([...participations].sort());
  const notIssued = coupons.filter((c) => c.status !== 'issued');
  expect(notIssued).toEqual([]);
  const { created } = countIssues(simulator);
  const wrong = participations.filter((reference) => created.get(reference) !== 1);
  expect(wrong.map((reference) => [reference, created.get(reference) ?? 0])).toEqual([]);
  const codes = coupons.filter((c) => c.code !== simulator.coupons.get(c.reference)?.code);
  expect(codes).toEqual([]);
  return { participations, coupons };
};
