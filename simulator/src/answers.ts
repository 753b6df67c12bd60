/** One answer of the coupons endpoint, before it is written. */
export interface EndpointAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'unauthorized',
  404: 'unknown_coupon',
  405: 'method_not_allowed',
  409: 'reference_conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_recipient',
  429: 'rate_limited',
};

/** The contract's error code for a status: 5xx is server_error. */
export const errorCodeFor = (status: number) =>
  CODE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'error');

/** `{"error": {"code", "message"}}` with the given status. */
export const errorAnswer = (
  status: number,
  message: string,
  headers?: Record<string, string>
): EndpointAnswer => ({
  status,
  body: { error: { code: errorCodeFor(status), message } },
  ...(headers ? { headers } : {}),
});

/** The answer an injected fault gives (see faults.ts). */
export const faultAnswer = (status: number, retryAfterSeconds?: number): EndpointAnswer =>
  errorAnswer(
    status,
    status === 429 ? 'Too many requests' : `Simulated failure (${status})`,
    retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) }
  );
