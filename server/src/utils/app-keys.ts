import { hkdfSync } from 'crypto';

const SALT = Buffer.from('strapi-plugin-clearon');

/**
 * 32 bytes derived from Strapi's APP_KEYS (HKDF-SHA256), one value per `purpose`; null when APP_KEYS
 * holds no key (a secret derived from nothing would be public).
 */
export const deriveFromAppKeys = (appKeys: unknown, purpose: string): Buffer | null => {
  const keys = Array.isArray(appKeys) ? appKeys.filter((k) => typeof k === 'string' && k) : [];
  if (keys.length === 0) return null;
  return Buffer.from(hkdfSync('sha256', keys.join(','), SALT, purpose, 32));
};
