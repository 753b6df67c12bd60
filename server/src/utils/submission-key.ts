import { createHash, createHmac } from 'crypto';
import { deriveFromAppKeys } from './app-keys';

/** The request header a front end sets so that sending a participation again never makes a second one. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const MIN_LENGTH = 16;
const MAX_LENGTH = 255;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export type ParsedKey = { ok: true; key: string | null } | { ok: false; message: string };

/** No header is fine (no idempotency); a header must be 16..255 printable ASCII characters. */
export const parseIdempotencyKey = (value: string | undefined): ParsedKey => {
  if (value === undefined || value === '') return { ok: true, key: null };
  if (value.length < MIN_LENGTH || value.length > MAX_LENGTH || !PRINTABLE_ASCII.test(value)) {
    return {
      ok: false,
      message: `must be ${MIN_LENGTH} to ${MAX_LENGTH} printable ASCII characters without spaces (a UUID is a good choice)`,
    };
  }
  return { ok: true, key: value };
};

/** What is stored: a hash scoped to the campaign, so one key may serve several campaigns. */
export const submissionKeyHash = (campaignDocumentId: string, key: string) =>
  createHash('sha256').update(`${campaignDocumentId}\n${key}`).digest('hex');

/**
 * The participant token of a keyed submission, derived rather than random so that a replay can
 * answer with the same token as the first response (only the token's hash is stored). Deriving it
 * takes a server secret and a replay takes the same answers, so knowing the key alone is not enough.
 */
export const submissionToken = (appKeys: unknown, campaignDocumentId: string, key: string) =>
  createHmac('sha256', tokenSecret(appKeys))
    .update(`${campaignDocumentId}\n${key}`)
    .digest('base64url');

// Derived once per set of APP_KEYS, not on every request.
let secret: { appKeys: string; value: Buffer } | null = null;

const tokenSecret = (appKeys: unknown) => {
  const id = JSON.stringify(appKeys ?? null);
  if (secret?.appKeys === id) return secret.value;
  const value = deriveFromAppKeys(appKeys, 'participation token for an idempotency key v1');
  if (!value) {
    throw new Error(
      "Strapi's APP_KEYS is not set: the participant tokens of Idempotency-Key submissions cannot be derived"
    );
  }
  secret = { appKeys: id, value };
  return value;
};

/** JSON with sorted keys, to compare answers whatever order the database returns them in. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};
