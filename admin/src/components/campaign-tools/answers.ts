import type { TestCouponAnswer, TestCouponResult } from './types';

const FIELDS = ['exitScreenIndex', 'email', 'phone'] as const;
type Field = (typeof FIELDS)[number];

/** The server's error: `{status, message, details}`. */
interface ApiError {
  status?: number;
  message?: string;
  details?: { errors?: Array<{ path?: unknown }> };
}

/** RTK Query's error (the server's error itself), or useFetchClient's FetchError around it. */
type ErrorLike = ApiError & { response?: { data?: { error?: ApiError } } };

/** Reads the route's answer: `{data: {status, message, coupon?}}`. */
export const toResultAnswer = (body: unknown): TestCouponAnswer => {
  const data = (body as { data?: TestCouponResult } | null)?.data;
  if (!data || (data.status !== 'issued' && data.status !== 'failed')) {
    return { kind: 'error', message: 'The server gave an answer the plugin does not understand.' };
  }
  return { kind: 'result', result: data };
};

/** Reads a refused request: the fields the server named, or a message. */
export const toErrorAnswer = (error: unknown): TestCouponAnswer => {
  const e = (error ?? {}) as ErrorLike;
  const apiError = e.response?.data?.error ?? e;
  const status = apiError.status ?? e.status;
  const message = apiError.message ?? e.message ?? 'The request failed.';
  if (status === 400) {
    const fields = (apiError.details?.errors ?? [])
      .map((item) => (Array.isArray(item.path) ? String(item.path[0]) : ''))
      .filter((path): path is Field => (FIELDS as readonly string[]).includes(path));
    return { kind: 'invalid', fields: [...new Set(fields)], message };
  }
  return { kind: 'error', message };
};
