import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { triggersApi, type EntryCoupon } from '../../api/triggers';

/** While a coupon of the entry is pending, the panel asks again this often. */
export const ENTRY_REFRESH_MS = 5_000;

export interface EntryCouponsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  coupons: EntryCoupon[];
  hasTriggers: boolean;
  /** The HTTP status of a failed request (403: the admin may not read coupons). */
  httpStatus?: number | null;
  /** The entry the answer is for (`uid|documentId|locale`). */
  entry?: string;
}

const httpStatusOf = (error: unknown) => {
  const failure = error as {
    status?: unknown;
    response?: { data?: { error?: { status?: unknown } } };
  } | null;
  const status = failure?.status ?? failure?.response?.data?.error?.status;
  return typeof status === 'number' ? status : null;
};

/**
 * `GET /clearon/triggers/entry-coupons` for one entry (nothing while `uid` or `documentId` is
 * missing); asked again when `version` changes (the entry was saved or published) and every
 * ENTRY_REFRESH_MS while one of its coupons is pending.
 */
export const useEntryCoupons = (
  uid: string | null,
  documentId: string | undefined,
  locale: string | null | undefined,
  version = ''
) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<EntryCouponsState>({
    status: 'idle',
    coupons: [],
    hasTriggers: false,
  });
  const [round, setRound] = React.useState(0);

  React.useEffect(() => {
    if (!uid || !documentId) return undefined;
    const entry = `${uid}|${documentId}|${locale ?? ''}`;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const answer = await triggersApi.entryCoupons({ get }, { uid, documentId, locale });
        if (!active) return;
        setState({ status: 'ready', ...answer, entry });
        if (answer.coupons.some((coupon) => coupon.status === 'pending')) {
          timer = setTimeout(() => void load(), ENTRY_REFRESH_MS);
        }
      } catch (error) {
        if (active) {
          setState((previous) => ({
            ...(previous.entry === entry ? previous : { coupons: [], hasTriggers: false }),
            status: 'error',
            httpStatus: httpStatusOf(error),
            entry,
          }));
        }
      }
    };
    // Another entry starts from nothing; a reload of the same one keeps showing what it has.
    setState((previous) =>
      previous.entry === entry && previous.status === 'ready'
        ? previous
        : { status: 'loading', coupons: [], hasTriggers: false, entry }
    );
    void load();
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
  }, [get, uid, documentId, locale, version, round]);

  const reload = React.useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
};
