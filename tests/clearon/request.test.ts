import { version } from '../../package.json';
import { buildIssueRequest, DEFAULT_USER_AGENT } from '../../server/src/clearon';
import { API_KEY, EMAIL, PHONE, issueInput, targetFor } from './helpers';

const ENDPOINT = 'https://api.clearon.example/v1/coupons';

describe('buildIssueRequest', () => {
  it('builds the contract request: POST, headers, body in contract order', () => {
    const input = issueInput({ reference: 'cl_abc' });
    const built = buildIssueRequest(targetFor(ENDPOINT), input, DEFAULT_USER_AGENT);
    if (!built.ok) throw new Error(built.reason);
    expect(built.request.method).toBe('POST');
    expect(built.request.url).toBe(ENDPOINT);
    expect(built.request.headers).toEqual({
      Authorization: API_KEY,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Idempotency-Key': 'cl_abc',
      'User-Agent': `strapi-plugin-clearon/${version}`,
    });
    expect(built.request.body).toBe(
      JSON.stringify({
        couponCode: 'SUMMER10',
        validityDays: 30,
        delivery: 'email',
        recipient: { email: EMAIL, phone: PHONE, firstName: 'Ada' },
        reference: 'cl_abc',
        campaign: { id: 'k3j2abc', name: 'Summer quiz' },
        dryRun: false,
      })
    );
  });

  it('puts the key under the configured header name, exactly as entered', () => {
    const built = buildIssueRequest(
      targetFor(ENDPOINT, { authHeaderName: 'X-ClearOn-Key', apiKey: ' Bearer  a b ' }),
      issueInput(),
      'ua'
    );
    expect(built.ok && built.request.headers['X-ClearOn-Key']).toBe(' Bearer  a b ');
    expect(built.ok && built.request.headers.Authorization).toBeUndefined();
  });

  it('falls back to Authorization when the header name is blank', () => {
    const built = buildIssueRequest(
      targetFor(ENDPOINT, { authHeaderName: ' ' }),
      issueInput(),
      'ua'
    );
    expect(built.ok && built.request.headers.Authorization).toBe(API_KEY);
  });

  it('sends only the recipient fields the participant gave, and dryRun when asked', () => {
    const built = buildIssueRequest(
      targetFor(ENDPOINT),
      issueInput({ recipient: { phone: PHONE, email: '' }, delivery: 'sms', dryRun: true }),
      'ua'
    );
    if (!built.ok) throw new Error(built.reason);
    const body = JSON.parse(built.request.body) as Record<string, unknown>;
    expect(body.recipient).toEqual({ phone: PHONE });
    expect(body.dryRun).toBe(true);
  });

  it.each([
    [{ endpoint: 'not a url' }, 'not a valid URL'],
    [{ endpoint: 'ftp://clearon.example/x' }, 'must start with https://'],
    [{ authHeaderName: 'Bad Header:' }, 'not a valid HTTP header name'],
    [{ authHeaderName: 'Content-Type' }, 'reserved'],
    [{ authHeaderName: 'idempotency-key' }, 'reserved'],
    [{ apiKey: '' }, 'No API key'],
    [{ apiKey: `${API_KEY}\r\nX-Evil: 1` }, 'cannot be sent in an HTTP header'],
  ])('refuses %p without naming the key', (overrides, expected) => {
    const built = buildIssueRequest(targetFor(ENDPOINT, overrides), issueInput(), 'ua');
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.reason).toContain(expected);
    expect(built.reason).not.toContain(API_KEY);
  });
});
