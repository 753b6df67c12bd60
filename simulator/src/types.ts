import type { CaptchaMode, Verification } from './siteverify';

export type Delivery = 'email' | 'sms' | 'none';

export interface SimulatorOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted API keys, compared exactly. Default ['test-key']. */
  apiKeys?: string[];
  /** The header that carries the key. Default 'Authorization'. */
  authHeaderName?: string;
  /** Unset: every coupon code is known except codes starting with UNKNOWN. */
  knownCoupons?: string[];
  /** Delay before each answer of the coupons endpoint. */
  latencyMs?: number;
  /** The CAPTCHA secrets the siteverify stand-in accepts. Default ['captcha-secret']. */
  captchaSecrets?: string[];
}

export interface RecordedRequest {
  /** Epoch ms when the request arrived. */
  at: number;
  method: string;
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The parsed JSON body; the raw text when it is not JSON; null when empty. */
  body: unknown;
  /** The status answered; 0 while not answered yet, or when the connection was dropped (outage). */
  status: number;
}

/** The fields a replay must repeat to get the same coupon back. */
export interface IssueRequestBody {
  couponCode: string;
  validityDays: number;
  delivery: Delivery;
  recipient: { email?: string; phone?: string; firstName?: string };
  reference: string;
  campaign?: { id?: string; name?: string };
  dryRun?: boolean;
}

export interface IssuedRecord {
  couponId: string;
  code: string;
  ean: string;
  redeemUrl: string;
  expiresAt: string;
  issuedAt: string;
  reference: string;
  request: IssueRequestBody;
  delivery: { channel: Delivery; status: string };
}

export interface RateLimit {
  retryAfterSeconds: number;
  /** Every Nth request to the endpoint is limited; unset or 1: every request. */
  every?: number;
}

export interface FailNext {
  count: number;
  status: number;
  retryAfterSeconds?: number;
}

/** The body of `POST /__control`. */
export interface ControlCommand {
  latencyMs?: number;
  errorRate?: number;
  errorStatus?: number;
  outage?: boolean;
  rateLimit?: RateLimit | null;
  failNext?: FailNext;
  captcha?: CaptchaMode;
  reset?: true;
}

export interface Simulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/v1/coupons': the value an editor types as the endpoint. */
  endpoint: string;
  /** Every request to the endpoint, in arrival order. */
  received: RecordedRequest[];
  /** Issued coupons by reference. */
  coupons: Map<string, IssuedRecord>;
  /** Every request to the CAPTCHA siteverify stand-in, in arrival order. */
  verifications: Verification[];
  /** url + '/siteverify/<provider>': the verify URL to configure (`captcha.verifyUrls`). */
  siteverifyUrl(provider: 'turnstile' | 'hcaptcha'): string;
  /** How the siteverify stand-in answers from now on (pass, fail, timeout, error). */
  setCaptcha(mode: CaptchaMode): void;
  setLatency(ms: number): void;
  /** A share (0..1) of endpoint requests answered with `status` (default 503). */
  setErrorRate(rate: number, status?: number): void;
  /** The next `count` endpoint requests are answered with `status`. */
  failNext(count: number, status: number, options?: { retryAfterSeconds?: number }): void;
  /** Answer 429 with Retry-After (every request, or every Nth); null turns it off. */
  setRateLimit(options: RateLimit | null): void;
  /** While down, endpoint requests get no answer: their connection is destroyed (a reset). */
  setOutage(down: boolean): void;
  /** Forgets requests and coupons and turns every fault off (latency back to its start value). */
  reset(): void;
  close(): Promise<void>;
}
