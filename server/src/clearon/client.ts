import axios, { type AxiosInstance } from 'axios';
import { createNetworkGuard, type NetworkGuard } from '../utils/network-guard';
import { classifyFailure } from './classify-failure';
import { classifyResponse } from './classify-response';
import { buildIssueRequest } from './request';
import type { ClearonClient, ClearonTarget, IssueCouponInput, IssueOutcome } from './types';
import { DEFAULT_USER_AGENT } from './user-agent';

export interface ClearonClientOptions {
  userAgent?: string;
  /** Largest answer read from ClearOn; a larger one is refused. Default 64 KiB. */
  maxResponseBytes?: number;
  /**
   * The SSRF guard every request goes through (checked before the request and at connect time).
   * Default: private, loopback and the other special-purpose addresses refused.
   */
  network?: NetworkGuard;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

const hostOf = (endpoint: string) => {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'the endpoint';
  }
};

const headerText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;

const errorField = (error: unknown, field: 'code' | 'message'): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
};

/** Rejects like a timeout when `signal` aborts first (a DNS lookup has no timeout of its own). */
const untilAborted = <T>(work: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('aborted'), { code: 'ETIMEDOUT' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });

/**
 * The ClearOn adapter: sends one issue request (docs/clearon-contract.md) and classifies whatever
 * comes back. Redirects are not followed, answers are size-capped, and `timeoutMs` bounds the
 * whole exchange (connect included). Every request is checked by the network guard: the host's
 * addresses before the request, and the address the socket connects to.
 */
export const createClearonClient = (options: ClearonClientOptions = {}): ClearonClient => {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const network = options.network ?? createNetworkGuard({ allowPrivateHosts: false });
  const http: AxiosInstance = axios.create({
    ...network.axiosOptions,
    maxRedirects: 0,
    maxContentLength: maxResponseBytes,
    maxBodyLength: maxResponseBytes,
    responseType: 'text',
    responseEncoding: 'utf8',
    // Statuses are classified here, not thrown; bodies are parsed here, not by axios.
    validateStatus: () => true,
    transformResponse: [(data: unknown) => data],
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
  });

  const issue = async (target: ClearonTarget, input: IssueCouponInput): Promise<IssueOutcome> => {
    const built = buildIssueRequest(target, input, userAgent);
    if (!built.ok) return { kind: 'permanent', code: 'invalid_request', reason: built.reason };
    const { request } = built;
    const timeoutMs =
      Number.isFinite(target.timeoutMs) && target.timeoutMs > 0
        ? target.timeoutMs
        : DEFAULT_TIMEOUT_MS;
    const secrets = [target.apiKey, input.recipient.email ?? '', input.recipient.phone ?? ''];

    // axios' `timeout` is per socket phase; this deadline bounds the whole exchange.
    const deadline = new AbortController();
    let deadlineHit = false;
    const timer = setTimeout(() => {
      deadlineHit = true;
      deadline.abort();
    }, timeoutMs);
    try {
      await untilAborted(network.check(request.url), deadline.signal);
      const response = await http.request<string>({
        method: request.method,
        url: request.url,
        headers: request.headers,
        data: request.body,
        timeout: timeoutMs,
        signal: deadline.signal,
      });
      return classifyResponse(
        {
          status: response.status,
          retryAfter: headerText(response.headers['retry-after']),
          bodyText: typeof response.data === 'string' ? response.data : '',
        },
        { input, secrets }
      );
    } catch (error) {
      return classifyFailure(
        { code: errorField(error, 'code'), message: errorField(error, 'message'), deadlineHit },
        { host: hostOf(target.endpoint), timeoutMs, maxResponseBytes }
      );
    } finally {
      clearTimeout(timer);
    }
  };

  return { issue };
};
