import type { RecordedRequest } from './types';

/** Oldest requests are forgotten past this many; `since` indexes stay absolute. */
export const MAX_RECORDED = 100_000;

/** The list of endpoint requests, in arrival order, bounded in memory. */
export interface RequestLog {
  /** Mutated in place, so a reference to it stays current. */
  readonly entries: RecordedRequest[];
  add(entry: RecordedRequest): void;
  /** Entries from absolute index `since` (counting forgotten ones), and the index after the last. */
  since(index: number): { entries: RecordedRequest[]; next: number };
  clear(): void;
}

export const createRequestLog = (max: number = MAX_RECORDED): RequestLog => {
  const entries: RecordedRequest[] = [];
  let forgotten = 0;
  return {
    entries,
    add(entry) {
      entries.push(entry);
      if (entries.length > max) {
        const drop = Math.max(1, Math.floor(max / 10));
        entries.splice(0, drop);
        forgotten += drop;
      }
    },
    since(index) {
      const start = Math.max(0, index - forgotten);
      return { entries: entries.slice(start), next: forgotten + entries.length };
    },
    clear() {
      entries.length = 0;
      forgotten = 0;
    },
  };
};
