import { BLOCKED_ADDRESS_CODE } from '../utils/network-guard';
import type { IssueOutcome } from './types';

/** A request that got no HTTP answer, reduced to what classification needs. */
export interface TransportFailure {
  /** Node or axios error code: ECONNREFUSED, ETIMEDOUT, ERR_BAD_RESPONSE, ... */
  code?: string;
  message?: string;
  /** The client's own deadline (timeoutMs) ran out. */
  deadlineHit: boolean;
}

export interface FailureContext {
  /** host[:port] of the endpoint: never the path or query, which could carry a secret. */
  host: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

const TIMEOUT_CODES = ['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT'];
const DNS_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA'];
const RESET_CODES = ['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE'];
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

const sizeOf = (bytes: number) =>
  bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes.toLocaleString('en')} bytes`;

const unreachable = (reason: string): IssueOutcome => ({
  kind: 'retryable',
  code: 'unreachable',
  reason,
});

/** Classifies a request that ended without an HTTP status (network, timeout, size limit). */
export const classifyFailure = (
  failure: TransportFailure,
  context: FailureContext
): IssueOutcome => {
  const code = failure.code ?? '';
  // The network guard refused the endpoint's address (SSRF rules): sending again cannot help.
  if (code === BLOCKED_ADDRESS_CODE) {
    return {
      kind: 'permanent',
      code: 'blocked_address',
      reason: `The ClearOn endpoint's address is refused: ${failure.message ?? context.host}`,
    };
  }
  if (failure.deadlineHit || TIMEOUT_CODES.includes(code)) {
    return {
      kind: 'retryable',
      code: 'timeout',
      reason: `ClearOn did not answer within ${context.timeoutMs} ms`,
    };
  }
  if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(failure.message ?? '')) {
    return {
      kind: 'permanent',
      code: 'unexpected_response',
      reason: `ClearOn's answer is larger than ${sizeOf(context.maxResponseBytes)}: check the endpoint URL`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return unreachable(`Nothing accepts connections at ${context.host} (connection refused)`);
  }
  if (DNS_CODES.includes(code)) {
    return unreachable(`The host name of ${context.host} could not be resolved (${code})`);
  }
  if (RESET_CODES.includes(code) || /socket hang up|aborted/i.test(failure.message ?? '')) {
    return unreachable(`ClearOn closed the connection without answering (${code || 'reset'})`);
  }
  if (TLS_CODE.test(code)) {
    return unreachable(`The TLS certificate of ${context.host} was not accepted (${code})`);
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return unreachable(`The network cannot reach ${context.host} (${code})`);
  }
  return unreachable(`The request to ClearOn at ${context.host} failed (${code || 'no answer'})`);
};
