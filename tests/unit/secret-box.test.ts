import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import secretBoxService, {
  createSecretBox,
  deriveKeyFromAppKeys,
  parseEncryptionKey,
  SecretBoxError,
} from '../../server/src/services/secret-box';

const KEY = randomBytes(32);

const fakeStrapi = (appKeys: unknown = ['keyA', 'keyB']) => {
  const warnings: string[] = [];
  const strapi = {
    config: { get: (path: string) => (path === 'server.app.keys' ? appKeys : undefined) },
    log: { warn: (message: string) => warnings.push(message) },
  } as unknown as Core.Strapi;
  return { strapi, warnings };
};

const flipByte = (stored: string, part: number) => {
  const parts = stored.split(':');
  const bytes = Buffer.from(parts[part], 'base64');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64');
  return parts.join(':');
};

describe('createSecretBox (AES-256-GCM)', () => {
  const box = createSecretBox(KEY);

  it.each(['k', 'test-key', 'Bearer abc.def.ghi', 'ü-ñ-日本', 'x'.repeat(4096)])(
    'round-trips %#',
    (plain) => {
      const stored = box.encrypt(plain);
      if (plain.length >= 8) expect(stored).not.toContain(plain);
      expect(box.decrypt(stored)).toBe(plain);
    }
  );

  it('writes the versioned format v1:iv:tag:data (base64 parts, 12-byte IV, 16-byte tag)', () => {
    const parts = box.encrypt('secret').split(':');
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe('v1');
    expect(Buffer.from(parts[1], 'base64')).toHaveLength(12);
    expect(Buffer.from(parts[2], 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[3], 'base64')).toHaveLength('secret'.length);
  });

  it('uses a random IV: two encryptions of the same key differ and both decrypt', () => {
    const a = box.encrypt('same-key');
    const b = box.encrypt('same-key');
    expect(a).not.toBe(b);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
    expect(box.decrypt(a)).toBe('same-key');
    expect(box.decrypt(b)).toBe('same-key');
  });

  it.each([
    ['the data', 3],
    ['the tag', 2],
    ['the IV', 1],
  ])('detects tampering with %s with a clear SecretBoxError', (_label, part) => {
    const tampered = flipByte(box.encrypt('secret-value'), part);
    expect(() => box.decrypt(tampered)).toThrow(SecretBoxError);
    expect(() => box.decrypt(tampered)).toThrow(/could not be decrypted.*altered/);
  });

  it('refuses a value encrypted with another key', () => {
    const other = createSecretBox(randomBytes(32));
    expect(() => box.decrypt(other.encrypt('secret'))).toThrow(/another key/);
  });

  it.each(['', 'plain-text-key', 'v2:a:b:c', 'v1:a:b', 'v1:AAAA:AAAA:AAAA'])(
    'refuses a malformed stored value %j without crashing',
    (stored) => {
      expect(() => box.decrypt(stored)).toThrow(SecretBoxError);
    }
  );

  it('never puts key material in its error messages', () => {
    try {
      box.decrypt(flipByte(box.encrypt('the-api-key'), 3));
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY.toString('base64'));
      expect((error as Error).message).not.toContain('the-api-key');
    }
    expect.assertions(2);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('parseEncryptionKey', () => {
  it('accepts 32 bytes in base64', () => {
    expect(parseEncryptionKey(KEY.toString('base64'))).toEqual(KEY);
    expect(parseEncryptionKey(` ${KEY.toString('base64')}\n`)).toEqual(KEY);
  });

  it.each([16, 24, 31, 33, 64])('refuses %i bytes, naming the variable and the length', (n) => {
    expect(() => parseEncryptionKey(randomBytes(n).toString('base64'))).toThrow(
      new RegExp(`CLEARON_ENCRYPTION_KEY must be 32 random bytes.*decodes to ${n} bytes`)
    );
  });

  it('refuses text that is not base64', () => {
    expect(() => parseEncryptionKey('this is not base64 at all!!!')).toThrow(/not valid base64/);
  });
});

describe('deriveKeyFromAppKeys (HKDF-SHA256)', () => {
  it('derives a stable 32-byte key that depends on the APP_KEYS', () => {
    const a = deriveKeyFromAppKeys(['k1', 'k2']);
    expect(a).toHaveLength(32);
    expect(deriveKeyFromAppKeys(['k1', 'k2'])).toEqual(a);
    expect(deriveKeyFromAppKeys(['k1', 'k3'])).not.toEqual(a);
  });

  it('refuses missing APP_KEYS, naming CLEARON_ENCRYPTION_KEY', () => {
    expect(() => deriveKeyFromAppKeys(undefined)).toThrow(/CLEARON_ENCRYPTION_KEY/);
    expect(() => deriveKeyFromAppKeys([])).toThrow(/APP_KEYS/);
  });
});

describe('the secret-box service', () => {
  it('uses CLEARON_ENCRYPTION_KEY when set, without a warning', () => {
    const { strapi, warnings } = fakeStrapi();
    const env = { NODE_ENV: 'production', CLEARON_ENCRYPTION_KEY: KEY.toString('base64') };
    const service = secretBoxService({ strapi, env });
    expect(service.assertConfigured()).toBe('env');
    expect(createSecretBox(KEY).decrypt(service.encrypt('abc'))).toBe('abc');
    expect(warnings).toEqual([]);
  });

  it('falls back to a key derived from APP_KEYS with one warning that names the variable', () => {
    const { strapi, warnings } = fakeStrapi(['appKeyOne', 'appKeyTwo']);
    const service = secretBoxService({ strapi, env: { NODE_ENV: 'development' } });
    expect(service.assertConfigured()).toBe('app-keys');
    const stored = service.encrypt('the-api-key');
    expect(service.decrypt(stored)).toBe('the-api-key');
    expect(createSecretBox(deriveKeyFromAppKeys(['appKeyOne', 'appKeyTwo'])).decrypt(stored)).toBe(
      'the-api-key'
    );
    service.encrypt('again');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('CLEARON_ENCRYPTION_KEY');
    expect(warnings[0]).not.toContain('appKeyOne');
    expect(warnings[0]).not.toContain(
      deriveKeyFromAppKeys(['appKeyOne', 'appKeyTwo']).toString('base64')
    );
  });

  it('refuses to start in production without CLEARON_ENCRYPTION_KEY', () => {
    const { strapi } = fakeStrapi();
    const service = secretBoxService({ strapi, env: { NODE_ENV: 'production' } });
    expect(() => service.assertConfigured()).toThrow(
      /CLEARON_ENCRYPTION_KEY is not set\. In production/
    );
  });

  it('treats an empty CLEARON_ENCRYPTION_KEY as not set', () => {
    const { strapi } = fakeStrapi();
    const service = secretBoxService({
      strapi,
      env: { NODE_ENV: 'production', CLEARON_ENCRYPTION_KEY: '  ' },
    });
    expect(() => service.assertConfigured()).toThrow(/is not set/);
  });

  it('refuses a CLEARON_ENCRYPTION_KEY of the wrong length, in any environment', () => {
    const { strapi } = fakeStrapi();
    const service = secretBoxService({
      strapi,
      env: { NODE_ENV: 'development', CLEARON_ENCRYPTION_KEY: randomBytes(16).toString('base64') },
    });
    expect(() => service.assertConfigured()).toThrow(/decodes to 16 bytes/);
  });
});
