import type { ClearonTarget, IssueCouponInput } from './types';

/** The HTTP request the contract asks for (docs/clearon-contract.md), before it is sent. */
export interface IssueRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  /** The JSON text of the body. */
  body: string;
}

export type BuildResult = { ok: true; request: IssueRequest } | { ok: false; reason: string };

export const DEFAULT_AUTH_HEADER = 'Authorization';

/** The headers the client sets itself; the auth header may not take one of these names. */
const OWN_HEADERS = ['content-type', 'accept', 'idempotency-key', 'user-agent', 'content-length'];

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII, Latin-1, spaces and tabs: what Node accepts in a header value.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const recipientOf = (recipient: IssueCouponInput['recipient']) => {
  const out: IssueCouponInput['recipient'] = {};
  if (recipient.email) out.email = recipient.email;
  if (recipient.phone) out.phone = recipient.phone;
  if (recipient.firstName) out.firstName = recipient.firstName;
  return out;
};

/** The JSON body, in the contract's field order; the recipient carries only what was given. */
export const issueBody = (input: IssueCouponInput) => ({
  couponCode: input.couponCode,
  validityDays: input.validityDays,
  delivery: input.delivery,
  recipient: recipientOf(input.recipient),
  reference: input.reference,
  campaign: { id: input.campaign.id, name: input.campaign.name },
  dryRun: input.dryRun === true,
});

const endpointProblem = (endpoint: string): string | null => {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'The ClearOn endpoint is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The ClearOn endpoint must start with https://';
  }
  return null;
};

/**
 * Builds the issue request, or says in plain words why it cannot be sent (bad endpoint, bad header
 * name, a key with characters HTTP cannot carry). The key itself is never part of a reason.
 */
export const buildIssueRequest = (
  target: ClearonTarget,
  input: IssueCouponInput,
  userAgent: string
): BuildResult => {
  const endpoint = endpointProblem(target.endpoint);
  if (endpoint) return { ok: false, reason: endpoint };
  const headerName = target.authHeaderName.trim() || DEFAULT_AUTH_HEADER;
  if (!HEADER_NAME.test(headerName)) {
    return { ok: false, reason: `The header name "${headerName}" is not a valid HTTP header name` };
  }
  if (OWN_HEADERS.includes(headerName.toLowerCase())) {
    return { ok: false, reason: `The header name "${headerName}" is reserved for the request` };
  }
  if (!target.apiKey) return { ok: false, reason: 'No API key is set for this integration' };
  if (!HEADER_VALUE.test(target.apiKey)) {
    return {
      ok: false,
      reason: 'The API key contains characters that cannot be sent in an HTTP header',
    };
  }
  if (!HEADER_VALUE.test(input.reference) || input.reference === '') {
    return { ok: false, reason: 'The coupon reference is empty or not printable' };
  }
  return {
    ok: true,
    request: {
      method: 'POST',
      url: target.endpoint,
      headers: {
        [headerName]: target.apiKey,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Idempotency-Key': input.reference,
        'User-Agent': userAgent,
      },
      body: JSON.stringify(issueBody(input)),
    },
  };
};
