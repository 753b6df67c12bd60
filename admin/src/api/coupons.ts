import type { useFetchClient } from '@strapi/strapi/admin';
import type {
  CampaignOption,
  CouponFilters,
  CouponPage,
  CouponStats,
} from '../../../shared/contracts/coupons';

/** The admin routes of the coupons dashboard (server/src/routes/coupons.ts), typed. */

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

type FetchClient = Pick<ReturnType<typeof useFetchClient>, 'get' | 'post'>;

/** `?campaign=…&status=…` with only the filters that are set, encoded (the client does not encode). */
export const toSearch = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const filterParams = ({ campaign, trigger, status, from, to }: CouponQuery) => ({
  campaign,
  trigger,
  status,
  from,
  to,
});

export const listCoupons = async (
  client: FetchClient,
  query: CouponQuery,
  page: number,
  pageSize: number
): Promise<CouponPage> => {
  const { data } = await client.get<CouponPage>(
    `/clearon/coupons${toSearch({ ...filterParams(query), page, pageSize })}`
  );
  return {
    results: Array.isArray(data?.results) ? data.results : [],
    pagination: data?.pagination ?? { page, pageSize, total: 0, pageCount: 0 },
  };
};

/** Counts by status; the status filter does not apply (every status is counted). */
export const getCouponStats = async (
  client: FetchClient,
  query: CouponQuery
): Promise<CouponStats> => {
  const { campaign, trigger, from, to } = query;
  const { data } = await client.get<{ data: Partial<CouponStats> }>(
    `/clearon/coupons/stats${toSearch({ campaign, trigger, from, to })}`
  );
  const counts = data?.data ?? {};
  return {
    pending: counts.pending ?? 0,
    issued: counts.issued ?? 0,
    failed: counts.failed ?? 0,
    dead: counts.dead ?? 0,
    needs_attention: counts.needs_attention ?? 0,
  };
};

export const retryCoupon = async (client: FetchClient, id: number) => {
  const { data } = await client.post<{ data: { retried: number } }>(
    `/clearon/coupons/${encodeURIComponent(String(id))}/retry`
  );
  return data?.data?.retried ?? 0;
};

/** Retries every failed, dead and needs-attention coupon matching the filters. */
export const retryCoupons = async (client: FetchClient, query: CouponQuery) => {
  const body = Object.fromEntries(
    Object.entries(filterParams(query)).filter(([, value]) => value !== undefined && value !== '')
  );
  const { data } = await client.post<{ data: { retried: number } }>('/clearon/coupons/retry', body);
  return data?.data?.retried ?? 0;
};

/** The file name in `Content-Disposition: attachment; filename="…"`, if any. */
export const fileNameOf = (disposition: string | null | undefined) => {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]) : null;
};

/** The filtered coupons as CSV (the admin token travels with the request, so no plain link). */
export const exportCoupons = async (client: FetchClient, query: CouponQuery) => {
  const response = await client.get(`/clearon/coupons/export${toSearch(filterParams(query))}`, {
    responseType: 'blob',
  });
  const fallback = `clearon-coupons-${new Date().toISOString().slice(0, 10)}.csv`;
  return {
    blob: response.data,
    fileName: fileNameOf(response.headers?.get('Content-Disposition')) ?? fallback,
  };
};

/** `GET /clearon/campaign-options` → `{data: [{id, title, slug}]}`. */
export const listCampaignOptions = async (client: FetchClient): Promise<CampaignOption[]> => {
  const { data } = await client.get<{ data: CampaignOption[] }>('/clearon/campaign-options');
  return Array.isArray(data?.data)
    ? data.data
        .filter((item) => item && typeof item.id === 'string')
        .map(({ id, title, slug }) => ({ id, title: title || id, slug }))
    : [];
};
