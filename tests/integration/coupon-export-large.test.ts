import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createSuperAdmin } from '../harness/admin';
import { seedIssuedCoupons, WITH_PARTICIPANT } from '../fixtures/coupons';

const ROWS = 100_000;

describe('CSV export of 100,000 coupons', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    token = (await createSuperAdmin(app)).token;
    await seedIssuedCoupons(app.strapi, ROWS);
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('streams every row, newest first, recipients masked, no codes or links', async () => {
    // Counted as the bytes arrive: the test keeps no copy of the file.
    const seen = { lines: 0, bytes: 0, masked: 0, leaks: 0, first: '', last: '', tail: '' };
    const res = await request(app.server)
      .get('/clearon/coupons/export')
      .set(authHeader(token))
      .buffer(true)
      .parse((response, callback) => {
        response.on('data', (chunk: Buffer) => {
          seen.bytes += chunk.length;
          const lines = (seen.tail + chunk.toString('utf8')).split('\r\n');
          seen.tail = lines.pop() ?? '';
          for (const line of lines) {
            seen.lines += 1;
            if (seen.lines === 2) seen.first = line;
            seen.last = line;
            if (/p\*+@example\.se/.test(line)) seen.masked += 1;
            if (/7654321|clearon\.example|person\d+@/.test(line)) seen.leaks += 1;
          }
        });
        response.on('end', () => callback(null, null));
      })
      .expect(200);

    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(seen.tail).toBe('');
    expect(seen.lines).toBe(ROWS + 1);
    expect(seen.first).toContain(`cl_big_${ROWS - 1}`);
    expect(seen.last).toContain('cl_big_0');
    expect(seen.masked).toBe(ROWS / WITH_PARTICIPANT);
    expect(seen.leaks).toBe(0);
    expect(seen.bytes).toBeGreaterThan(ROWS * 50);
  }, 240_000);
});
