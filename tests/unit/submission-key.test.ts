import {
  canonicalJson,
  parseIdempotencyKey,
  submissionKeyHash,
  submissionToken,
} from '../../server/src/utils/submission-key';

describe('Idempotency-Key helpers', () => {
  it('accepts no key, and keys of 16 to 255 printable ASCII characters', () => {
    expect(parseIdempotencyKey(undefined)).toEqual({ ok: true, key: null });
    expect(parseIdempotencyKey('')).toEqual({ ok: true, key: null });
    expect(parseIdempotencyKey('a'.repeat(16))).toEqual({ ok: true, key: 'a'.repeat(16) });
    expect(parseIdempotencyKey('~'.repeat(255)).ok).toBe(true);
    for (const bad of [
      'a'.repeat(15),
      'a'.repeat(256),
      `${'a'.repeat(16)} `,
      `${'a'.repeat(16)}\t`,
    ]) {
      expect(parseIdempotencyKey(bad).ok).toBe(false);
    }
  });

  it('hashes a key per campaign', () => {
    const key = 'f0b8a3a6-7d53-4c1e-9a57-7b6ad0a4b1c2';
    expect(submissionKeyHash('c1', key)).toMatch(/^[0-9a-f]{64}$/);
    expect(submissionKeyHash('c1', key)).toBe(submissionKeyHash('c1', key));
    expect(submissionKeyHash('c1', key)).not.toBe(submissionKeyHash('c2', key));
  });

  it('derives the same token for the same key, and another under other APP_KEYS', () => {
    const key = 'f0b8a3a6-7d53-4c1e-9a57-7b6ad0a4b1c2';
    const token = submissionToken(['a', 'b'], 'c1', key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(submissionToken(['a', 'b'], 'c1', key)).toBe(token);
    expect(submissionToken(['x', 'y'], 'c1', key)).not.toBe(token);
    expect(submissionToken(['a', 'b'], 'c2', key)).not.toBe(token);
  });

  it('refuses to derive a token from empty APP_KEYS (it would be public)', () => {
    expect(() => submissionToken([], 'c1', 'f0b8a3a6-7d53-4c1e-9a57')).toThrow(/APP_KEYS/);
    expect(() => submissionToken(undefined, 'c1', 'f0b8a3a6-7d53-4c1e-9a57')).toThrow(/APP_KEYS/);
  });

  it('writes JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, 'x'], c: null } })).toBe(
      '{"a":{"c":null,"d":[true,"x"]},"b":1}'
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(null)).toBe('null');
  });
});
