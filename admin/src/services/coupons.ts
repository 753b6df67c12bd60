import type { useFetchClient } from '@strapi/strapi/admin';

import type {
  CampaignOption,
  CouponFilters,
  CouponPage,
  CouponStats,
} from '../../../shared/contracts/coupons';
import { clearonApi } from './api';

/** The admin routes of the coupons dashboard (server/src/routes/coupons.ts) as RTK Query endpoints. */

export {
  COUPON_STATUSES,
  type AdminCoupon,
  type CampaignOption,
  type CouponPage,
  type CouponStats,
  type CouponStatus,
  type Pagination,
} from '../../../shared/contracts/coupons';

/** The filters the routes take; `from` / `to` are ISO instants. */
export type CouponQuery = CouponFilters;

export interface CouponPageArgs {
  query: CouponQuery;
  page: number;
  pageSize: number;
}

/** Only the filters that are set (`undefined` and '' are left out). */
const setFilters = ({ campaign, trigger, status, from, to }: CouponQuery) =>
  Object.fromEntries(
    Object.entries({ campaign, trigger, status, from, to }).filter(
      ([, value]) => value !== undefined && value !== ''
    )
  ) as Record<string, string>;

/** `?campaign=…&status=…` with only the filters that are set, encoded (the client does not encode). */
export const toSearch = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const EMPTY_STATS: CouponStats = { pending: 0, issued: 0, failed: 0, dead: 0, needs_attention: 0 };

/** `{data: {retried}}` → the number of coupons sent back to the queue. */
const retriedCount = (body: { data?: { retried?: number } } | undefined) =>
  body?.data?.retried ?? 0;

const couponsApi = clearonApi.injectEndpoints({
  endpoints: (builder) => ({
    getCoupons: builder.query<CouponPage, CouponPageArgs>({
      query: ({ query, page, pageSize }) =>
        `/clearon/coupons${toSearch({ ...setFilters(query), page, pageSize })}`,
      transformResponse: (body: Partial<CouponPage> | undefined, _meta, { page, pageSize }) => ({
        results: Array.isArray(body?.results) ? body.results : [],
        pagination: body?.pagination ?? { page, pageSize, total: 0, pageCount: 0 },
      }),
      providesTags: ['ClearonCoupon'],
    }),
    /** Counts by status; the status filter does not apply (every status is counted). */
    getCouponStats: builder.query<CouponStats, CouponQuery>({
      query: ({ status: _status, ...query }) =>
        `/clearon/coupons/stats${toSearch(setFilters(query))}`,
      transformResponse: (body: { data?: Partial<CouponStats> } | undefined) => ({
        ...EMPTY_STATS,
        ...body?.data,
      }),
      providesTags: ['ClearonCoupon'],
    }),
    /** `GET /clearon/campaign-options` → `{data: [{id, title, slug, …}]}`. */
    getCampaignOptions: builder.query<CampaignOption[], void>({
      query: () => '/clearon/campaign-options',
      transformResponse: (body: { data?: CampaignOption[] } | undefined) =>
        Array.isArray(body?.data)
          ? body.data
              .filter((item) => item && typeof item.id === 'string')
              .map((item) => ({ ...item, title: item.title || item.id }))
          : [],
      providesTags: ['ClearonCampaign'],
    }),
    // A retry changes the page, the counts and (a probe may go out) the open circuits.
    retryCoupon: builder.mutation<number, number>({
      query: (id) => ({
        url: `/clearon/coupons/${encodeURIComponent(String(id))}/retry`,
        method: 'POST',
      }),
      transformResponse: retriedCount,
      invalidatesTags: ['ClearonCoupon', 'ClearonCircuit'],
    }),
    /** Retries every failed, dead and needs-attention coupon matching the filters. */
    retryCoupons: builder.mutation<number, CouponQuery>({
      query: (query) => ({
        url: '/clearon/coupons/retry',
        method: 'POST',
        data: setFilters(query),
      }),
      transformResponse: retriedCount,
      invalidatesTags: ['ClearonCoupon', 'ClearonCircuit'],
    }),
  }),
});

export const {
  useGetCouponsQuery,
  useGetCouponStatsQuery,
  useGetCampaignOptionsQuery,
  useRetryCouponMutation,
  useRetryCouponsMutation,
} = couponsApi;

/** The cache entry of one page of coupons, without subscribing to it (no request of its own). */
export const useCouponPageState = couponsApi.endpoints.getCoupons.useQueryState;

/** The file name in `Content-Disposition: attachment; filename="…"`, if any. */
export const fileNameOf = (disposition: string | null | undefined) => {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]) : null;
};

/**
 * The filtered coupons as CSV (the admin token travels with the request, so no plain link).
 * A plain fetch-client call, not an RTK Query endpoint: the answer is a Blob (not serialisable, so
 * it does not belong in the Redux store) plus a response header, and a one-off download has nothing
 * to cache or to refresh.
 */
export const exportCoupons = async (
  client: Pick<ReturnType<typeof useFetchClient>, 'get'>,
  query: CouponQuery
) => {
  const response = await client.get(`/clearon/coupons/export${toSearch(setFilters(query))}`, {
    responseType: 'blob',
  });
  const fallback = `clearon-coupons-${new Date().toISOString().slice(0, 10)}.csv`;
  return {
    blob: response.data as Blob,
    fileName: fileNameOf(response.headers?.get('Content-Disposition')) ?? fallback,
  };
};
