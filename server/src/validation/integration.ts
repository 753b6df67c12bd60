import { isIP } from 'net';
import { yup } from '@strapi/utils';
import { objectSchema, trimmedText, validateBody } from './toolkit';
import { blockedRange } from '../utils/address-ranges';
import { TIMEOUT_MAX_MS, TIMEOUT_MIN_MS } from '../../../shared/contracts/integrations';

/** What the admin may send to create an integration (after validation and trimming). */
export interface IntegrationCreateInput {
  name: string;
  endpoint: string;
  authHeaderName?: string;
  apiKey: string;
  timeoutMs?: number;
  enabled?: boolean;
  isDefault?: boolean;
}

/** What the admin may send to update one; `apiKey` absent, null or '' keeps the stored key. */
export type IntegrationUpdateInput = Partial<Omit<IntegrationCreateInput, 'apiKey'>> & {
  apiKey?: string | null;
};

export interface EndpointRules {
  /** The plugin option: allow http:// and private/loopback/link-local hosts. */
  allowPrivateHosts: boolean;
}

export const NAME_MAX = 100;
export const API_KEY_MAX = 4096;
export const TIMEOUT_MIN = TIMEOUT_MIN_MS;
export const TIMEOUT_MAX = TIMEOUT_MAX_MS;
export const COUPON_CODE_MAX = 64;
const ENDPOINT_MAX = 2048;
const INTEGRATION = 'a ClearOn integration';
const HEADER_NAME_MAX = 100;

// RFC 9110 token.
const HEADER_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Headers the ClearOn client sets itself (or that HTTP owns).
const RESERVED_HEADERS = [
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'accept',
  'idempotency-key',
  'user-agent',
];

/**
 * True for localhost names and for IP literals the network guard refuses (loopback, private,
 * link-local, CGNAT, multicast, documentation and the other special-purpose ranges, and their
 * IPv4-mapped, NAT64 and 6to4 forms): the save-time check of the literal host. Host names are
 * checked when ClearOn is called, on every address they resolve to (utils/network-guard).
 */
export const isPrivateHost = (hostname: string): boolean => {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && blockedRange(host) !== null;
};

/** Why an endpoint is refused, in plain words (to follow the field name), or null when it is fine. */
export const endpointProblem = (value: string, rules: EndpointRules): string | null => {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'must be an absolute URL such as https://api.clearon.example/coupons';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `must start with https:// (got "${url.protocol}")`;
  }
  if (url.username || url.password) {
    return 'must not contain a user name or password; put the API key in the apiKey field';
  }
  if (!url.hostname) return 'must name a host';
  if (!rules.allowPrivateHosts) {
    if (url.protocol === 'http:') {
      return 'must use https:// (plain http:// is allowed only when the plugin option allowPrivateHosts is on)';
    }
    if (isPrivateHost(url.hostname)) {
      return `must not point to a private, loopback or link-local address (${url.hostname}) unless the plugin option allowPrivateHosts is on`;
    }
  }
  return null;
};

/** Why an API key is refused, or null. */
const apiKeyProblem = (value: string): string | null => {
  if (/[\r\n]/.test(value)) return 'must not contain line breaks';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]|[^\u0000-\u00ff]/.test(value)) {
    return 'must contain only printable characters (it is sent as an HTTP header value)';
  }
  if (!value.trim()) return 'must not be blank';
  return null;
};

const timeoutMessage = `\${path} must be a whole number of milliseconds from ${TIMEOUT_MIN} to ${TIMEOUT_MAX}`;

/** Nothing to check: absent, or '' on create (where `required` reports it). */
const isAbsent = (
  value: string | null | undefined,
  mode: 'create' | 'update'
): value is null | undefined | '' =>
  value === undefined || value === null || (mode === 'create' && value === '');

const fields = (rules: EndpointRules, mode: 'create' | 'update') => {
  const name = trimmedText(NAME_MAX, (value) => isAbsent(value, mode));
  const endpoint = yup
    .string()
    .typeError('${path} must be a URL (text)')
    .max(ENDPOINT_MAX, `\${path} must be at most ${ENDPOINT_MAX} characters`)
    .test('endpoint', function check(value?: string | null) {
      if (isAbsent(value, mode)) return true;
      const problem = endpointProblem(value, rules);
      return problem ? this.createError({ message: `\${path} ${problem}` }) : true;
    });
  const authHeaderName = yup
    .string()
    .typeError('${path} must be text')
    .max(HEADER_NAME_MAX, `\${path} must be at most ${HEADER_NAME_MAX} characters`)
    .test('header-name', function check(value?: string | null) {
      if (value === undefined || value === null) return true;
      if (!HEADER_TOKEN.test(value)) {
        return this.createError({
          message:
            "${path} must be a valid HTTP header name: letters, digits and !#$%&'*+-.^_`|~, without spaces or a colon",
        });
      }
      if (RESERVED_HEADERS.includes(value.toLowerCase())) {
        return this.createError({
          message: `\${path} cannot be "${value}": the plugin sets that header itself`,
        });
      }
      return true;
    });
  const apiKey = yup
    .string()
    .typeError('${path} must be text')
    .max(API_KEY_MAX, `\${path} must be at most ${API_KEY_MAX} characters`)
    .test('api-key', function check(value?: string | null) {
      // On update, '' means "keep the stored key".
      if (isAbsent(value, mode) || value === '') return true;
      const problem = apiKeyProblem(value);
      return problem ? this.createError({ message: `\${path} ${problem}` }) : true;
    });
  const timeoutMs = yup
    .number()
    .typeError(timeoutMessage)
    .integer(timeoutMessage)
    .min(TIMEOUT_MIN, timeoutMessage)
    .max(TIMEOUT_MAX, timeoutMessage);
  const bool = () => yup.boolean().typeError('${path} must be true or false');

  if (mode === 'create') {
    return {
      name: name.required('${path} is required'),
      endpoint: endpoint.required('${path} is required'),
      authHeaderName,
      apiKey: apiKey.required('${path} is required'),
      timeoutMs,
      enabled: bool(),
      isDefault: bool(),
    };
  }
  return {
    name,
    endpoint,
    authHeaderName,
    apiKey: apiKey.nullable(),
    timeoutMs,
    enabled: bool(),
    isDefault: bool(),
  };
};

const trimmed = <T extends { name?: string; endpoint?: string; authHeaderName?: string }>(
  input: T
): T => ({
  ...input,
  ...(input.name !== undefined ? { name: input.name.trim() } : {}),
  ...(input.endpoint !== undefined ? { endpoint: input.endpoint.trim() } : {}),
});

const validate = async <T extends IntegrationUpdateInput>(
  body: unknown,
  rules: EndpointRules,
  mode: 'create' | 'update'
) => trimmed(await validateBody<T>(objectSchema(fields(rules, mode), INTEGRATION), body));

export const validateIntegrationCreate = (body: unknown, rules: EndpointRules) =>
  validate<IntegrationCreateInput>(body, rules, 'create');

export const validateIntegrationUpdate = (body: unknown, rules: EndpointRules) =>
  validate<IntegrationUpdateInput>(body, rules, 'update');

export const validateTestConnection = async (body: unknown): Promise<{ couponCode: string }> => {
  const input = await validateBody<{ couponCode: string }>(
    objectSchema(
      {
        couponCode: yup
          .string()
          .typeError('${path} must be text')
          .required('${path} is required: type the coupon code of a ClearOn offer')
          .test('coupon-code', function check(value?: string) {
            if (value === undefined) return true;
            const length = value.trim().length;
            if (length === 0) return this.createError({ message: '${path} must not be empty' });
            if (length > COUPON_CODE_MAX) {
              return this.createError({
                message: `\${path} must be at most ${COUPON_CODE_MAX} characters (got ${length})`,
              });
            }
            // eslint-disable-next-line no-control-regex
            if (/[\u0000-\u001f\u007f]/.test(value)) {
              return this.createError({ message: '${path} must not contain control characters' });
            }
            return true;
          }),
      },
      'a connection test'
    ),
    body
  );
  return { couponCode: input.couponCode.trim() };
};
