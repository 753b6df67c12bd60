import type { Core } from '@strapi/strapi';

type TransactionParams = { onCommit: (cb: () => unknown) => void } & Record<string, unknown>;
type TransactionFn = (cb?: (params: TransactionParams) => unknown) => Promise<unknown>;

/**
 * Strapi runs the work it schedules after a commit (the document service's `entry.*` events, which
 * read the entry back with a deep populate) without awaiting it. If `strapi.destroy()` closes the
 * pool while such a read is on its way, the read waits for a connection that never comes, fails
 * 60 s later as an unhandled KnexTimeoutError and is blamed on whichever test file that Jest worker
 * runs by then. This records the promise of every commit callback so that `stop()` can wait for them.
 */
export const trackCommitCallbacks = (strapi: Core.Strapi) => {
  const pending = new Set<Promise<unknown>>();
  const db = strapi.db as unknown as { transaction: TransactionFn };
  const transaction = db.transaction.bind(strapi.db);

  db.transaction = (cb) => {
    if (!cb) return transaction();
    return transaction((params) =>
      cb({
        ...params,
        onCommit: (callback) =>
          params.onCommit(() => {
            // Run as Strapi would (a rejection stays unhandled and still fails the test file).
            const run = (async () => callback())();
            const settled: Promise<unknown> = run.then(
              () => pending.delete(settled),
              () => pending.delete(settled)
            );
            pending.add(settled);
            return run;
          }),
      })
    );
  };

  return {
    /** Resolves once every commit callback scheduled so far, and any they schedule, has settled. */
    async settle(): Promise<void> {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
};
