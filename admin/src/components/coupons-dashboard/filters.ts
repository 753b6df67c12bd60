import { COUPON_STATUSES, type CouponQuery, type CouponStatus } from '../../services/coupons';

/**
 * The dashboard's state in the URL query:
 * `?campaign=…&trigger=…&status=…&from=YYYY-MM-DD&to=…&page=…`.
 */
export interface DashboardFilters {
  campaign?: string;
  /** A coupon trigger's key. */
  trigger?: string;
  status?: CouponStatus;
  /** A calendar day (the admin's time zone), inclusive. */
  from?: string;
  /** A calendar day (the admin's time zone), inclusive. */
  to?: string;
  page: number;
}

export type FilterKey = 'campaign' | 'trigger' | 'status' | 'from' | 'to';

export const PAGE_SIZE = 25;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → that day's local midnight, or undefined when it is not a real date. */
export const parseDay = (text: string | null | undefined): Date | undefined => {
  const match = DAY.exec(text ?? '');
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date
    : undefined;
};

/** A date → its local calendar day, `YYYY-MM-DD`. */
export const formatDay = (date: Date) =>
  [
    String(date.getFullYear()).padStart(4, '0'),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');

export const readFilters = (params: URLSearchParams): DashboardFilters => {
  const status = params.get('status');
  const page = Number(params.get('page'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    campaign: params.get('campaign') || undefined,
    trigger: params.get('trigger') || undefined,
    status: COUPON_STATUSES.includes(status as CouponStatus) ? (status as CouponStatus) : undefined,
    from: parseDay(from) ? (from as string) : undefined,
    to: parseDay(to) ? (to as string) : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
};

/** The query string after changing one filter; the page goes back to 1. */
export const withFilter = (params: URLSearchParams, key: FilterKey, value: string | undefined) => {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  next.delete('page');
  return next;
};

export const withPage = (params: URLSearchParams, page: number) => {
  const next = new URLSearchParams(params);
  if (page > 1) next.set('page', String(page));
  else next.delete('page');
  return next;
};

export const withoutFilters = (params: URLSearchParams) => {
  const next = new URLSearchParams(params);
  for (const key of ['campaign', 'trigger', 'status', 'from', 'to', 'page']) next.delete(key);
  return next;
};

export const hasFilters = (filters: DashboardFilters) =>
  Boolean(filters.campaign || filters.trigger || filters.status || filters.from || filters.to);

/** The routes' filters: whole local days become instants (`to` includes its whole day). */
export const toCouponQuery = (filters: DashboardFilters): CouponQuery => {
  const from = parseDay(filters.from);
  const to = parseDay(filters.to);
  if (to) to.setHours(23, 59, 59, 999);
  return {
    campaign: filters.campaign,
    trigger: filters.trigger,
    status: filters.status,
    from: from?.toISOString(),
    to: to?.toISOString(),
  };
};
