import {
  useGetCouponStatsQuery,
  useCouponPageState,
  useGetCouponsQuery,
  type CouponPage,
  type CouponQuery,
  type CouponStats,
} from '../../services/coupons';
import { errorMessage } from './errorMessage';
import { PAGE_SIZE } from './filters';

/** While a row of the page is pending, the page (and the counts) reload this often. */
export const REFRESH_MS = 5_000;

export type LoadState = 'loading' | 'ready' | 'error';

/**
 * One page of coupons and the counts by status for `query`; again every REFRESH_MS while a row of
 * the page is pending, and after a retry (the retry invalidates them). A failed refresh keeps what
 * is shown (RTK Query keeps the last answer and polls on); `reload` asks again after an error.
 */
export const useCouponsPage = (query: CouponQuery, page: number) => {
  const args = { query, page, pageSize: PAGE_SIZE };
  // The page's own cache entry tells whether to poll: the option follows each answer.
  const pending = useCouponPageState(args).currentData?.results.some(
    (coupon) => coupon.status === 'pending'
  );
  const options = { pollingInterval: pending ? REFRESH_MS : 0 };
  const list = useGetCouponsQuery(args, options);
  const stats = useGetCouponStatsQuery(query, options);

  const listData: CouponPage | undefined = list.currentData;
  const statsData: CouponStats | undefined = stats.currentData;
  const data = listData && statsData ? { list: listData, stats: statsData } : null;
  const failure = (!listData && list.error) || (!statsData && stats.error);
  const loadState: LoadState = data ? 'ready' : failure ? 'error' : 'loading';

  const reload = () => {
    if (list.isError) void list.refetch();
    if (stats.isError) void stats.refetch();
  };

  return { data, loadState, loadError: failure ? errorMessage(failure) : '', reload };
};
