import * as React from 'react';

import { useGetEntryCouponsQuery, type EntryCoupon } from '../../services/triggers';

/** While a coupon of the entry is pending, the panel asks again this often. */
export const ENTRY_REFRESH_MS = 5_000;

export interface EntryCouponsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  coupons: EntryCoupon[];
  hasTriggers: boolean;
  /** The HTTP status of a failed request (403: the admin may not read coupons). */
  httpStatus?: number | null;
}

/**
 * `GET /clearon/triggers/entry-coupons` for one entry (nothing while `uid` or `documentId` is
 * missing); asked again when `version` changes (the entry was saved or published), after a retry
 * (the retry invalidates the coupons) and every ENTRY_REFRESH_MS while one of its coupons is
 * pending. A failed refresh keeps the coupons it had.
 */
export const useEntryCoupons = (
  uid: string | null,
  documentId: string | undefined,
  locale: string | null | undefined,
  version = ''
) => {
  const skip = !uid || !documentId;
  const [polling, setPolling] = React.useState(false);
  const { currentData, error, isError, refetch } = useGetEntryCouponsQuery(
    { uid: uid ?? '', documentId: documentId ?? '', locale },
    { skip, pollingInterval: polling ? ENTRY_REFRESH_MS : 0 }
  );
  const pending = currentData?.coupons.some((coupon) => coupon.status === 'pending') === true;
  React.useEffect(() => setPolling(pending), [pending]);

  const reload = React.useCallback(() => {
    if (!skip) void refetch();
  }, [skip, refetch]);
  // The first version is the one just asked for; a later one asks again.
  const asked = React.useRef(version);
  React.useEffect(() => {
    if (asked.current === version) return;
    asked.current = version;
    reload();
  }, [version, reload]);

  const status = (error as { status?: unknown } | undefined)?.status;
  const state: EntryCouponsState = {
    status: skip ? 'idle' : isError ? 'error' : currentData ? 'ready' : 'loading',
    coupons: currentData?.coupons ?? [],
    hasTriggers: currentData?.hasTriggers === true,
    httpStatus: typeof status === 'number' ? status : null,
  };
  return { ...state, reload };
};
