import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import {
  getCouponStats,
  listCoupons,
  type CouponPage,
  type CouponQuery,
  type CouponStats,
} from '../../api/coupons';
import { errorMessage } from './errorMessage';
import { PAGE_SIZE } from './filters';

/** While a row of the page is pending, the page reloads this often. */
export const REFRESH_MS = 5_000;

export type LoadState = 'loading' | 'ready' | 'error';

/**
 * One page of coupons and the counts by status for `query`; again every REFRESH_MS while a row of
 * the page is pending. `refresh` loads again without the loading state (after a retry), `reload`
 * with it (Try again).
 */
export const useCouponsPage = (query: CouponQuery, page: number) => {
  const { get, post } = useFetchClient();
  const [data, setData] = React.useState<{ list: CouponPage; stats: CouponStats } | null>(null);
  const [loadState, setLoadState] = React.useState<LoadState>('loading');
  const [loadError, setLoadError] = React.useState('');
  const [reloads, setReloads] = React.useState(0);
  const silentNext = React.useRef(false);

  const refresh = React.useCallback(() => {
    silentNext.current = true;
    setReloads((n) => n + 1);
  }, []);
  const reload = React.useCallback(() => setReloads((n) => n + 1), []);

  React.useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const client = { get, post };

    const load = async (silent: boolean) => {
      if (!silent) setLoadState('loading');
      try {
        const [list, stats] = await Promise.all([
          listCoupons(client, query, page, PAGE_SIZE),
          getCouponStats(client, query),
        ]);
        if (!active) return;
        setData({ list, stats });
        setLoadState('ready');
        if (list.results.some((coupon) => coupon.status === 'pending')) {
          timer = setTimeout(() => void load(true), REFRESH_MS);
        }
      } catch (error) {
        if (!active) return;
        if (silent) {
          // A failed refresh keeps what is shown and tries again.
          timer = setTimeout(() => void load(true), REFRESH_MS);
          return;
        }
        setLoadError(errorMessage(error));
        setLoadState('error');
      }
    };

    const silent = silentNext.current;
    silentNext.current = false;
    void load(silent);
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
  }, [get, post, query, page, reloads]);

  return { data, loadState, loadError, refresh, reload };
};
