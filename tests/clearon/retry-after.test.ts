import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../server/src/clearon';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');

  it('reads a delay in seconds as milliseconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Mon, 01 Jun 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('gives 0 for an HTTP date in the past', () => {
    expect(parseRetryAfter('Mon, 01 Jun 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('caps very long waits', () => {
    expect(parseRetryAfter('999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it.each([undefined, null, '', '   ', '-3', '1.5', 'soon', '2026-06-01', 'Mon, 99 Foo 2026'])(
    'ignores %p',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  );
});
