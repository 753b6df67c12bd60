import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/** The participation's stable reference: sent to ClearOn as reference and Idempotency-Key. */
export const newReference = () => `cl_${randomBytes(15).toString('base64url')}`;

/** 256 random bits; only its hash is stored. */
export const newToken = () => randomBytes(32).toString('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const tokenMatches = (token: string, storedHash: string | null | undefined) => {
  if (!storedHash) return false;
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
};

/** 24 characters of [a-z0-9], the shape of a Strapi documentId. */
export const newDocumentIdLike = () =>
  Array.from(randomBytes(24), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
