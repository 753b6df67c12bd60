import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { deriveFromAppKeys } from '../utils/app-keys';

/**
 * Encryption at rest of the ClearOn API keys: AES-256-GCM, 96-bit random IV, 128-bit tag.
 * Stored as `v1:<iv>:<tag>:<ciphertext>` (each part base64) so that the format can evolve.
 *
 * The key is `CLEARON_ENCRYPTION_KEY` (32 bytes, base64). Without it, outside production, a key
 * is derived with HKDF-SHA256 from Strapi's APP_KEYS and a warning names the variable to set.
 */

export const ENV_VAR = 'CLEARON_ENCRYPTION_KEY';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// Binds the ciphertext to its purpose: a blob encrypted for something else does not decrypt here.
const AAD = Buffer.from('strapi-plugin-clearon:integration.apiKey:v1');
const HKDF_PURPOSE = 'clearon api key encryption v1';

export type KeySource = 'env' | 'app-keys';

/** A configuration problem or an undecryptable value; its message never contains key material. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** Reads a base64 key of exactly 32 bytes. */
export const parseEncryptionKey = (value: string): Buffer => {
  const text = value.trim();
  const bytes = Buffer.from(text, 'base64');
  const canonical = /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0;
  if (!canonical || bytes.length !== KEY_BYTES) {
    throw new SecretBoxError(
      `${ENV_VAR} must be ${KEY_BYTES} random bytes encoded in base64 (generate one with ` +
        `\`openssl rand -base64 32\`); the value given ` +
        (canonical ? `decodes to ${bytes.length} bytes.` : 'is not valid base64.')
    );
  }
  return bytes;
};

/** A 32-byte key derived from Strapi's APP_KEYS (HKDF-SHA256). */
export const deriveKeyFromAppKeys = (appKeys: unknown): Buffer => {
  const key = deriveFromAppKeys(appKeys, HKDF_PURPOSE);
  if (!key) {
    throw new SecretBoxError(
      `Neither ${ENV_VAR} nor Strapi's APP_KEYS is set: the ClearOn API keys cannot be encrypted. ` +
        `Set ${ENV_VAR} (openssl rand -base64 32).`
    );
  }
  return key;
};

export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

/** AES-256-GCM with a given 32-byte key. */
export const createSecretBox = (key: Buffer): SecretBox => {
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError(`The encryption key must be ${KEY_BYTES} bytes (got ${key.length}).`);
  }
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(AAD);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
        .join(':');
    },

    decrypt(stored) {
      const parts = typeof stored === 'string' ? stored.split(':') : [];
      if (parts.length !== 4 || parts[0] !== VERSION) {
        throw new SecretBoxError(
          'The stored ClearOn API key is not in a known encrypted format; enter the API key again.'
        );
      }
      const [, iv, tag, data] = parts.map((p) => Buffer.from(p, 'base64'));
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new SecretBoxError(
          'The stored ClearOn API key is damaged (bad IV or tag); enter the API key again.'
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(AAD);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          `The stored ClearOn API key could not be decrypted: it was altered, or encrypted with ` +
            `another key (${ENV_VAR} or APP_KEYS changed). Enter the API key again.`
        );
      }
    },
  };
};

export interface Options {
  strapi: Core.Strapi;
  /** Defaults to process.env; tests pass their own. */
  env?: NodeJS.ProcessEnv;
}

/** Resolves which key to use, once; throws a SecretBoxError on a configuration problem. */
export const resolveKey = (
  env: NodeJS.ProcessEnv,
  appKeys: () => unknown
): { key: Buffer; source: KeySource } => {
  const configured = env[ENV_VAR];
  if (configured && configured.trim())
    return { key: parseEncryptionKey(configured), source: 'env' };
  if (env.NODE_ENV === 'production') {
    throw new SecretBoxError(
      `${ENV_VAR} is not set. In production the ClearOn plugin needs it to encrypt the ClearOn API ` +
        `keys at rest: set it to 32 random bytes in base64 (openssl rand -base64 32) and restart.`
    );
  }
  return { key: deriveKeyFromAppKeys(appKeys()), source: 'app-keys' };
};

const service = ({ strapi, env = process.env }: Options) => {
  let box: SecretBox | null = null;
  let source: KeySource | null = null;

  const load = (): SecretBox => {
    if (box) return box;
    const resolved = resolveKey(env, () => strapi.config.get('server.app.keys'));
    if (resolved.source === 'app-keys') {
      strapi.log.warn(
        `[clearon] ${ENV_VAR} is not set: the ClearOn API keys are encrypted with a key derived ` +
          `from APP_KEYS. Set ${ENV_VAR} (openssl rand -base64 32) before going to production; ` +
          `keys saved until then will have to be entered again.`
      );
    }
    source = resolved.source;
    box = createSecretBox(resolved.key);
    return box;
  };

  return {
    /** Checks the key configuration now (startup); throws a SecretBoxError with a clear message. */
    assertConfigured(): KeySource {
      load();
      return source as KeySource;
    },
    encrypt(plain: string): string {
      return load().encrypt(plain);
    },
    /** Throws a SecretBoxError (never a crash) when the value was tampered with or the key changed. */
    decrypt(stored: string): string {
      return load().decrypt(stored);
    },
  };
};

export default service;
