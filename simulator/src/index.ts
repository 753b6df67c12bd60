import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { errorAnswer, faultAnswer, type EndpointAnswer } from './answers';
import { parseControl } from './control';
import { createFaults } from './faults';
import { flatHeaders, parseJson, readBody, sendHtml, sendJson } from './http-io';
import { answerIssue, type IssueState } from './issue';
import { createRequestLog } from './record';
import { notFoundPage, redeemPage } from './redeem-page';
import { SITEVERIFY_PATH, createSiteverify } from './siteverify';
import type {
  ControlCommand,
  IssuedRecord,
  RecordedRequest,
  Simulator,
  SimulatorOptions,
} from './types';

export type {
  ControlCommand,
  Delivery,
  FailNext,
  IssuedRecord,
  IssueRequestBody,
  RateLimit,
  RecordedRequest,
  Simulator,
  SimulatorOptions,
} from './types';

export type { CaptchaMode, Verification } from './siteverify';
export const ENDPOINT_PATH = '/v1/coupons';
const REDEEM_PATH = /^\/c\/([A-Za-z0-9_-]+)$/;

/**
 * A ClearOn stand-in speaking docs/clearon-contract.md over real HTTP, with switches for latency,
 * errors, rate limits and outages (also over HTTP: POST /__control, GET /__record).
 */
export const startSimulator = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  const host = options.host ?? '127.0.0.1';
  const known = options.knownCoupons ? new Set(options.knownCoupons) : null;
  const faults = createFaults(options.latencyMs ?? 0);
  const log = createRequestLog();
  const siteverify = createSiteverify(options.captchaSecrets ?? ['captcha-secret']);
  const pendingAnswers = new Set<NodeJS.Timeout>();
  const state: IssueState = {
    apiKeys: new Set(options.apiKeys ?? ['test-key']),
    authHeaderName: (options.authHeaderName ?? 'Authorization').toLowerCase(),
    isKnownCoupon: (code) => (known ? known.has(code) : !code.startsWith('UNKNOWN')),
    coupons: new Map<string, IssuedRecord>(),
    couponsById: new Map<string, IssuedRecord>(),
    baseUrl: '',
  };

  const later = (ms: number, run: () => void) => {
    if (ms <= 0) return run();
    const timer = setTimeout(() => {
      pendingAnswers.delete(timer);
      run();
    }, ms);
    pendingAnswers.add(timer);
  };

  const handleEndpoint = async (req: IncomingMessage, res: ServerResponse) => {
    const read = await readBody(req);
    const headers = flatHeaders(req);
    const text = read.ok ? read.text : '';
    const body = parseJson(text);
    const entry: RecordedRequest = {
      at: Date.now(),
      method: req.method ?? '',
      path: req.url ?? '',
      headers,
      body: body !== undefined ? body : text === '' ? null : text,
      status: 0,
    };
    log.add(entry);
    const fault = faults.next();
    if (fault?.kind === 'drop') {
      // An outage: the connection is reset without an answer.
      req.socket.destroy();
      return;
    }
    let answer: EndpointAnswer;
    if (fault) answer = faultAnswer(fault.status, fault.retryAfterSeconds);
    else if (!read.ok) answer = errorAnswer(413, 'The request body is larger than 1 MiB');
    else answer = answerIssue(state, { method: entry.method, headers, body });
    later(faults.latencyMs, () => {
      entry.status = answer.status;
      sendJson(res, answer.status, answer.body, answer.headers);
    });
  };

  const apply = (command: ControlCommand) => {
    if (command.reset) simulator.reset();
    if (command.captcha !== undefined) simulator.setCaptcha(command.captcha);
    if (command.latencyMs !== undefined) simulator.setLatency(command.latencyMs);
    if (command.errorRate !== undefined || command.errorStatus !== undefined) {
      simulator.setErrorRate(command.errorRate ?? 0, command.errorStatus);
    }
    if (command.outage !== undefined) simulator.setOutage(command.outage);
    if (command.rateLimit !== undefined) simulator.setRateLimit(command.rateLimit);
    if (command.failNext) {
      const { count, status, retryAfterSeconds } = command.failNext;
      simulator.failNext(count, status, { retryAfterSeconds });
    }
  };

  const handleControl = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (answer: EndpointAnswer) =>
      sendJson(res, answer.status, answer.body, answer.headers);
    if (req.method !== 'POST') return send(errorAnswer(405, 'Use POST', { Allow: 'POST' }));
    const read = await readBody(req);
    const parsed = parseControl(read.ok ? parseJson(read.text) : undefined);
    if (!parsed.ok) return send(errorAnswer(400, parsed.message));
    apply(parsed.command);
    return sendJson(res, 200, { ok: true });
  };

  const handleRecord = (url: URL, res: ServerResponse) => {
    const since = Number(url.searchParams.get('since') ?? '0');
    const { entries, next } = log.since(Number.isInteger(since) && since > 0 ? since : 0);
    sendJson(res, 200, { received: entries, next, coupons: [...state.coupons.values()] });
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname === ENDPOINT_PATH) return handleEndpoint(req, res);
    if (url.pathname === '/__control') return handleControl(req, res);
    if (url.pathname === '/__record' && req.method === 'GET') return handleRecord(url, res);
    const verify = SITEVERIFY_PATH.exec(url.pathname);
    if (verify) return siteverify.handle(req, res, verify[1]);
    const redeem = REDEEM_PATH.exec(url.pathname);
    if (redeem && req.method === 'GET') {
      const record = state.couponsById.get(redeem[1]);
      return record ? sendHtml(res, 200, redeemPage(record)) : sendHtml(res, 404, notFoundPage());
    }
    return sendJson(res, 404, {
      error: { code: 'not_found', message: `No route ${url.pathname}` },
    });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'server_error', message } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  state.baseUrl = url;

  const simulator: Simulator = {
    url,
    endpoint: url + ENDPOINT_PATH,
    received: log.entries,
    coupons: state.coupons,
    verifications: siteverify.verifications,
    siteverifyUrl: (provider) => `${url}/siteverify/${provider}`,
    setCaptcha(mode) {
      siteverify.mode = mode;
    },
    setLatency(ms) {
      faults.latencyMs = Math.max(0, ms);
    },
    setErrorRate(rate, status) {
      faults.setErrorRate(rate, status);
    },
    failNext(count, status, failOptions = {}) {
      faults.failNext({ count, status, retryAfterSeconds: failOptions.retryAfterSeconds });
    },
    setRateLimit(limit) {
      faults.setRateLimit(limit);
    },
    setOutage(down) {
      faults.setOutage(down);
    },
    reset() {
      log.clear();
      state.coupons.clear();
      state.couponsById.clear();
      faults.reset();
      siteverify.reset();
    },
    async close() {
      for (const timer of pendingAnswers) clearTimeout(timer);
      pendingAnswers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return simulator;
};
