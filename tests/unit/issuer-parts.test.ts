import { SecretBoxError } from '../../server/src/services/secret-box';
import type { ResolvedTarget } from '../../server/src/services/integrations';
import { resolveUsableTarget } from '../../server/src/services/usable-target';
import { createExpiringCache } from '../../server/src/services/issuer/expiring-cache';

const target = (overrides: Partial<ResolvedTarget> = {}): ResolvedTarget => ({
  documentId: 'int1',
  name: 'Main',
  endpoint: 'https://clearon.example/v1/coupons',
  authHeaderName: 'X-Api-Key',
  apiKey: 'secret-key',
  timeoutMs: 5_000,
  enabled: true,
  ...overrides,
});

describe('resolveUsableTarget (the issuer and the test coupon)', () => {
  it('gives an enabled integration, asked for by its documentId (null: the default one)', async () => {
    const asked: Array<string | null> = [];
    const resolved = await resolveUsableTarget(async (documentId) => {
      asked.push(documentId);
      return target();
    }, null);
    expect(resolved).toEqual({ usable: true, target: target() });
    expect(asked).toEqual([null]);
  });

  it('says why an integration cannot issue', async () => {
    expect(await resolveUsableTarget(async () => null, 'gone')).toEqual({
      usable: false,
      code: 'no_integration',
      reason: 'No ClearOn integration is configured',
    });
    expect(await resolveUsableTarget(async () => target({ enabled: false }), 'int1')).toEqual({
      usable: false,
      code: 'integration_disabled',
      reason: 'The ClearOn integration "Main" is disabled',
    });
    const unreadable = await resolveUsableTarget(async () => {
      throw new SecretBoxError('The value cannot be decrypted.');
    }, 'int1');
    expect(unreadable).toMatchObject({ usable: false, code: 'key_unreadable' });
    expect(!unreadable.usable && unreadable.reason).toMatch(/CLEARON_ENCRYPTION_KEY/);
  });

  it('throws any other error, even one that only carries the name SecretBoxError', async () => {
    const impostor = Object.assign(new Error('database down'), { name: 'SecretBoxError' });
    await expect(
      resolveUsableTarget(async () => {
        throw impostor;
      }, 'int1')
    ).rejects.toBe(impostor);
  });
});

describe('the issuer caches', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps a value for its time to live, then loads it again', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = createExpiringCache<string>({ ttlMs: 2_000, maxEntries: 10 });
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('a', load)).toBe('v1');
    jest.setSystemTime(1_001_999);
    expect(await cache.get('a', load)).toBe('v1');
    jest.setSystemTime(1_002_000);
    expect(await cache.get('a', load)).toBe('v2');
  });

  it('holds at most maxEntries, dropping the oldest, and keeps no failed load', async () => {
    const cache = createExpiringCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    let loads = 0;
    const load = (value: string) => async () => {
      loads += 1;
      return value;
    };
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('c', load('c'));
    expect(loads).toBe(3);
    await cache.get('b', load('b'));
    await cache.get('c', load('c'));
    expect(loads).toBe(3);
    await cache.get('a', load('a'));
    expect(loads).toBe(4);

    await expect(
      cache.get('x', async () => {
        throw new Error('down');
      })
    ).rejects.toThrow('down');
    expect(await cache.get('x', load('x'))).toBe('x');
  });
});
