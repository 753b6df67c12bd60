import fs from 'fs';
import http from 'http';
import os from 'os';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { startChildStrapi } from '../harness/child-strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import pluginConfig from '../../server/src/config';
import {
  RATE_LIMIT_TABLE,
  clientKey,
  ensureRateLimitTable,
  getLimiters,
} from '../../server/src/middlewares/rate-limit';
import { PUBLIC_BODY_LIMIT } from '../../server/src/middlewares/public-body-guard';
import { MISSING_CACHE_MAX } from '../../server/src/services/campaigns';
import { getService } from '../../server/src/utils/get-service';

const POST_POINTS = 3;
const GET_POINTS = 5;
const RATE_LIMIT = {
  enabled: true,
  post: { points: POST_POINTS, durationSec: 60 },
  get: { points: GET_POINTS, durationSec: 60 },
};
const PATH = '/api/clearon/campaigns/limited/participations';

let app: TestApp;
let sent = 0;
const answers = () => ({
  firstname: 'Ada',
  email: `p${sent++}@example.se`,
  deliveryType: 'email',
});
/** A request as one trusted proxy hop would forward it: the client's address is `ip`. */
const post = (ip: string) =>
  request(app.server).post(PATH).set('X-Forwarded-For', ip).send({ answers: answers() });
const get = (ip: string, path = '/api/clearon/campaigns/limited') =>
  request(app.server).get(path).set('X-Forwarded-For', ip);
const countParticipations = async () =>
  Number((await app.strapi.db.connection('clearon_participations').count({ n: '*' }))[0].n);
const client = () => app.database.client;

beforeAll(async () => {
  app = await bootStrapi({
    pluginConfig: { rateLimit: RATE_LIMIT, worker: { enabled: false }, buttonWaitMs: 0 },
    // Strapi 5 reads server.proxy.koa and server.proxy.maxIpsCount (playground/config/server.ts).
    env: { CLEARON_PLAYGROUND_PROXY: 'true', CLEARON_PLAYGROUND_PROXY_MAX_IPS: '1' },
  });
  await publishCampaign(app.strapi, formCampaign('limited'));
});

afterAll(async () => {
  await app?.stop();
});

describe('the public routes are rate limited per client address', () => {
  it('answers 429 with Retry-After after `post.points` participations, and writes nothing', async () => {
    for (let i = 0; i < POST_POINTS; i++) expect((await post('203.0.113.7')).status).toBe(201);
    const before = await countParticipations();
    const res = await post('203.0.113.7');
    expect(res.status).toBe(429);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 429,
        name: 'RateLimitError',
        message: expect.stringMatching(
          /^Too many participations from this address; retry in \d+ s$/
        ),
        details: {},
      },
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await countParticipations()).toBe(before);
  });

  it('counts each client address on its own', async () => {
    expect((await post('198.51.100.9')).status).toBe(201);
  });

  it('keeps the POST and the GET budgets apart', async () => {
    // The POST budget spent: reading still works, up to the GET budget.
    const ip = '198.51.100.20';
    for (let i = 0; i < POST_POINTS; i++) await post(ip).expect(201);
    await post(ip).expect(429);
    await get(ip).expect(200);
    await get(ip, '/api/clearon/campaigns').expect(200);
    await get(ip, '/api/clearon/participations/abc?token=x').expect(404);
    for (let i = 3; i < GET_POINTS; i++) await get(ip).expect(200);
    const limited = await get(ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    expect(limited.body.error.message).toMatch(/^Too many requests from this address/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await get(ip, '/api/clearon/participations/abc?token=x').expect(429);

    // The GET budget spent: participating still works.
    const reader = '198.51.100.21';
    for (let i = 0; i < GET_POINTS; i++) await get(reader).expect(200);
    await get(reader, '/api/clearon/campaigns').expect(429);
    await post(reader).expect(201);
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 one', async () => {
    for (let i = 0; i < POST_POINTS; i++) await post('2001:db8:aa:1::1').expect(201);
    // Another address in the same /64, written differently: the same budget.
    await post('2001:0db8:00aa:0001:ffff:1:2:3').expect(429);
    // The next /64: a budget of its own.
    await post('2001:db8:aa:2::1').expect(201);

    for (let i = 0; i < POST_POINTS; i++) await post('::ffff:203.0.113.50').expect(201);
    await post('203.0.113.50').expect(429);
  });

  it('keys addresses as documented', () => {
    expect(clientKey('2001:db8:aa:1:ffff:1:2:3')).toBe('2001:db8:aa:1::/64');
    expect(clientKey('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('::ffff:c000:0201')).toBe('192.0.2.1');
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('')).toBe('unknown');
    expect(clientKey('not an address')).toBe('unknown');
  });
});

describe('behind a reverse proxy (server.proxy.koa: true, server.proxy.maxIpsCount: 1)', () => {
  let strapiServer: http.Server;
  let proxy: http.Server;
  let proxyPort: number;

  beforeAll(async () => {
    strapiServer = app.server as unknown as http.Server;
    await new Promise<void>((resolve) => strapiServer.listen(0, '127.0.0.1', resolve));
    const upstream = (strapiServer.address() as AddressInfo).port;
    // What nginx does with `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`: the
    // client's X-Forwarded-For, if any, then the address the proxy saw the connection come from.
    proxy = http.createServer((req, res) => {
      const seen = req.headers['x-forwarded-for'];
      const peer = req.socket.remoteAddress ?? '';
      const forwarded = seen ? `${seen}, ${peer}` : peer;
      const out = http.request(
        {
          host: '127.0.0.1',
          port: upstream,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, 'x-forwarded-for': forwarded },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        }
      );
      out.on('error', () => res.destroy());
      req.pipe(out);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyPort = (proxy.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await new Promise((resolve) => strapiServer?.close(resolve));
  });

  /** A participation sent to the proxy from the loopback address `from`, with a forged header. */
  const viaProxy = (from: string, spoofed: string) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ answers: answers() });
      const req = http.request(
        {
          host: '127.0.0.1',
          port: proxyPort,
          localAddress: from,
          method: 'POST',
          path: PATH,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-forwarded-for': spoofed,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        }
      );
      req.on('error', reject);
      req.end(body);
    });

  it('counts the address the proxy appended, not a forged X-Forwarded-For', async () => {
    for (let i = 0; i < POST_POINTS; i++) {
      expect(await viaProxy('127.0.0.2', `192.0.2.${100 + i}`)).toBe(201);
    }
    // A new forged address each time: still the budget of 127.0.0.2.
    expect(await viaProxy('127.0.0.2', '192.0.2.200')).toBe(429);
    expect(await viaProxy('127.0.0.2', '192.0.2.201, 10.0.0.1')).toBe(429);
    // Another client behind the same proxy has a budget of its own.
    expect(await viaProxy('127.0.0.3', '192.0.2.200')).toBe(201);
  });
});

describe('the limiter store', () => {
  it('is the Strapi database on PostgreSQL and MySQL/MariaDB, memory on SQLite', async () => {
    const limiters = await getLimiters(app.strapi);
    const hasTable = await app.strapi.db.getSchemaConnection().hasTable(RATE_LIMIT_TABLE);
    if (client() === 'sqlite') {
      expect(limiters.kind).toBe('memory');
      expect(hasTable).toBe(false);
    } else {
      expect(limiters.kind).toBe(client());
      expect(hasTable).toBe(true);
      if (client() === 'postgres') {
        // Counters skip the write-ahead log (docs/agencies.md).
        const { rows } = await app.strapi.db.connection.raw(
          `select relpersistence from pg_class where relname = '${RATE_LIMIT_TABLE}'`
        );
        expect(rows).toEqual([{ relpersistence: 'u' }]);
      }
      const rows = await app.strapi.db.connection(RATE_LIMIT_TABLE).select('key');
      expect(rows.map((row: { key: string }) => row.key)).toEqual(
        expect.arrayContaining(['clearon-post:203.0.113.7', 'clearon-get:198.51.100.20'])
      );
    }
  });

  it('creates its table idempotently, several instances at once', async () => {
    if (client() === 'sqlite') {
      // No table on SQLite: one instance, counters in memory.
      expect((await getLimiters(app.strapi)).kind).toBe('memory');
      return;
    }
    await Promise.all([1, 2, 3].map(() => ensureRateLimitTable(app.strapi)));
    await ensureRateLimitTable(app.strapi);
    expect(await app.strapi.db.getSchemaConnection().hasTable(RATE_LIMIT_TABLE)).toBe(true);
  });

  it('is shared with a second instance on the same database (not on SQLite)', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < POST_POINTS; i++) await post(ip).expect(201);
    const second = await startChildStrapi({
      database: app.database,
      name: 'second',
      pluginConfig: { rateLimit: RATE_LIMIT, worker: { enabled: false }, buttonWaitMs: 0 },
      env: { CLEARON_PLAYGROUND_PROXY: 'true', CLEARON_PLAYGROUND_PROXY_MAX_IPS: '1' },
    });
    try {
      const send = (from: string) =>
        fetch(`${second.url}${PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
          body: JSON.stringify({ answers: answers() }),
        });
      const res = await send(ip);
      // SQLite is for one instance: there each instance counts in its own memory.
      expect(res.status).toBe(client() === 'sqlite' ? 201 : 429);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      // And the other way round: what the second instance counts, the first one sees.
      const other = '198.51.100.78';
      for (let i = 0; i < POST_POINTS; i++) expect((await send(other)).status).toBe(201);
      expect((await post(other)).status).toBe(client() === 'sqlite' ? 201 : 429);
    } finally {
      await second.stop();
    }
  }, 180_000);

  it('falls back to per-instance memory counters when the database fails, logging no address', async () => {
    const limiters = await getLimiters(app.strapi);
    if (client() === 'sqlite') {
      // On SQLite the store is this instance's memory: there is no database store to fail.
      expect(limiters.store.post).toBe(limiters.fallback.post);
      return;
    }
    const warnings: string[] = [];
    const warn = jest.spyOn(app.strapi.log, 'warn').mockImplementation(((message: string) => {
      warnings.push(message);
    }) as never);
    const failing = jest
      .spyOn(limiters.store.post, 'consume')
      .mockRejectedValue(
        Object.assign(new Error('connect ECONNREFUSED 198.51.100.88'), { code: 'ECONNREFUSED' })
      );
    const ip = '198.51.100.88';
    let storeCalls = 0;
    try {
      for (let i = 0; i < POST_POINTS; i++) await post(ip).expect(201);
      const res = await post(ip);
      expect(res.status).toBe(429);
      expect(res.body.error.name).toBe('RateLimitError');
    } finally {
      storeCalls = failing.mock.calls.length;
      failing.mockRestore();
      warn.mockRestore();
    }
    expect(storeCalls).toBe(POST_POINTS + 1);
    expect(warnings).toEqual([
      '[clearon] rate limiter store failed (ECONNREFUSED): this instance limits the public ' +
        'routes with its own memory counters until it answers again',
    ]);
    expect(warnings.join('\n')).not.toContain(ip);
  });
});

describe('the rateLimit config', () => {
  const validate = (rateLimit: unknown) => () => pluginConfig.validator({ rateLimit });

  it('accepts enabled, post and get budgets', () => {
    expect(validate(RATE_LIMIT)).not.toThrow();
    expect(validate({ enabled: false })).not.toThrow();
  });

  it('refuses unknown keys, the old max/windowMs included, and bad numbers', () => {
    expect(validate({ enabled: true, max: 30, windowMs: 60_000 })).toThrow(
      /rateLimit has unknown keys: max, windowMs/
    );
    expect(validate({ post: { points: 3, windowMs: 1 } })).toThrow(
      /rateLimit.post has unknown keys: windowMs/
    );
    expect(validate({ get: { points: 0 } })).toThrow(/rateLimit.get.points/);
    expect(validate({ get: { durationSec: 1.5 } })).toThrow(/rateLimit.get.durationSec/);
    expect(validate({ redisUrl: 'http://127.0.0.1:6379' })).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(validate({ redisUrl: 'redis://127.0.0.1:6379/0' })).not.toThrow();
    expect(validate({ redisUrl: null })).not.toThrow();
  });
});

describe('the public routes read at most 64 KiB of body', () => {
  /** Sends `chunks` with Transfer-Encoding: chunked (no Content-Length) to the public POST. */
  const sendChunked = (chunks: Buffer[], headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const server = app.server as unknown as http.Server;
      const listening = server.listening
        ? Promise.resolve()
        : new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      void listening.then(() => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: (server.address() as AddressInfo).port,
            method: 'POST',
            path: PATH,
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': '198.51.100.150',
              ...headers,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null })
            );
          }
        );
        req.on('error', reject);
        for (const chunk of chunks) req.write(chunk);
        req.end();
      }, reject);
    });

  afterAll(async () => {
    const server = app.server as unknown as http.Server;
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a chunked body over 64 KiB with 413', async () => {
    const kib = Buffer.alloc(1024, 'a');
    const before = await countParticipations();
    const res = await sendChunked(Array.from({ length: 100 }, () => kib));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 413,
        name: 'PayloadTooLargeError',
        message: `The body must be at most ${PUBLIC_BODY_LIMIT} bytes`,
        details: {},
      },
    });
    expect(await countParticipations()).toBe(before);
  });

  it('takes a chunked body under the cap', async () => {
    const body = Buffer.from(JSON.stringify({ answers: answers() }));
    const res = await sendChunked([body.subarray(0, 10), body.subarray(10)]);
    expect(res.status).toBe(201);
  });

  it('refuses a Content-Length over 64 KiB with 413', async () => {
    const res = await request(app.server)
      .post(PATH)
      .set('X-Forwarded-For', '198.51.100.151')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ answers: { firstname: 'a'.repeat(PUBLIC_BODY_LIMIT) } }));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
  });

  it('refuses a compressed body with 415', async () => {
    const res = await sendChunked([Buffer.from('x')], { 'content-encoding': 'gzip' });
    expect(res.status).toBe(415);
  });

  it('refuses multipart bodies with 415 and never writes them to disk', async () => {
    const created: string[] = [];
    const watcher = fs.watch(os.tmpdir(), (_event, name) => {
      if (name) created.push(String(name));
    });
    const formidableName = /^[0-9a-z]{25}$/;
    const multipart = (path: string) =>
      request(app.server)
        .post(path)
        .set('X-Forwarded-For', '198.51.100.152')
        .field('answers', '{}')
        .attach('files', Buffer.alloc(4096, 'z'), 'upload.txt');
    try {
      for (const path of [PATH, '/api/clearon/campaigns/limited']) {
        const res = await multipart(path);
        expect(res.status).toBe(415);
        expect(res.body).toEqual({
          data: null,
          error: {
            status: 415,
            name: 'UnsupportedMediaTypeError',
            message: 'Multipart bodies are not accepted: send application/json',
            details: {},
          },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(created.filter((name) => formidableName.test(name))).toEqual([]);

      // The same body to a route outside the plugin does go through formidable to a temporary
      // file: the watch above would have seen one.
      await multipart('/api/not-a-clearon-route');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(created.filter((name) => formidableName.test(name)).length).toBeGreaterThan(0);
    } finally {
      watcher.close();
    }
  });
});

describe('the campaign cache', () => {
  it('holds a bounded number of unknown slugs and keeps the real campaigns', async () => {
    const campaigns = getService(app.strapi, 'campaigns');
    campaigns.clearCache();
    expect(await campaigns.findPublishedBySlug('limited')).not.toBeNull();
    for (let i = 0; i < MISSING_CACHE_MAX + 200; i++) {
      expect(await campaigns.findPublishedBySlug(`no-such-campaign-${i}`)).toBeNull();
    }
    expect(campaigns.cacheSize()).toEqual({ found: 1, missing: MISSING_CACHE_MAX });
  });
});
