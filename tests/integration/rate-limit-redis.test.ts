/**
 * `rateLimit.redisUrl`: the counters live in Redis (the machine's own, 127.0.0.1:6379), shared by
 * every instance whatever its database; while Redis cannot be reached, each instance limits with
 * its own memory counters.
 */
import { randomInt } from 'crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { startChildStrapi } from '../harness/child-strapi';
import { createTestDatabase } from '../harness/database';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { getLimiters } from '../../server/src/middlewares/rate-limit';

const REDIS_URL = process.env.CLEARON_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const POINTS = 3;
const config = (redisUrl: string) => ({
  rateLimit: {
    enabled: true,
    post: { points: POINTS, durationSec: 60 },
    get: { points: 100, durationSec: 60 },
    redisUrl,
  },
  worker: { enabled: false },
  buttonWaitMs: 0,
});
const PATH = '/api/clearon/campaigns/redis-limited/participations';
// Keys are per address: a random one per run keeps runs on one Redis apart.
const address = () => `203.0.${randomInt(0, 255)}.${randomInt(1, 255)}`;
let sent = 0;
const body = () =>
  JSON.stringify({
    answers: {
      firstname: 'Ada',
      email: `r${Date.now()}-${sent++}@example.se`,
      deliveryType: 'email',
    },
  });

describe('rate limit counters in Redis', () => {
  let app: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    app = await bootStrapi({
      pluginConfig: config(REDIS_URL),
      env: { CLEARON_PLAYGROUND_PROXY: 'true', CLEARON_PLAYGROUND_PROXY_MAX_IPS: '1' },
    });
    await publishCampaign(app.strapi, formCampaign('redis-limited'));
  });

  afterAll(async () => {
    await app?.stop();
    await redis?.quit();
  });

  const post = (ip: string) =>
    request(app.server)
      .post(PATH)
      .set('X-Forwarded-For', ip)
      .set('Content-Type', 'application/json')
      .send(body());

  it('keeps the budget in Redis', async () => {
    expect((await getLimiters(app.strapi)).kind).toBe('redis');
    const ip = address();
    for (let i = 0; i < POINTS; i++) await post(ip).expect(201);
    const limited = await post(ip).expect(429);
    expect(limited.body.error.name).toBe('RateLimitError');
    expect(Number(await redis.get(`clearon-post:${ip}`))).toBe(POINTS + 1);
    expect(await redis.pttl(`clearon-post:${ip}`)).toBeGreaterThan(0);
  });

  it('shares it with another instance on another database', async () => {
    const ip = address();
    for (let i = 0; i < POINTS; i++) await post(ip).expect(201);
    const database = await createTestDatabase();
    const second = await startChildStrapi({
      database,
      name: 'redis-second',
      pluginConfig: config(REDIS_URL),
      env: { CLEARON_PLAYGROUND_PROXY: 'true', CLEARON_PLAYGROUND_PROXY_MAX_IPS: '1' },
    });
    try {
      const res = await fetch(`${second.url}${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: body(),
      });
      // 429 before the campaign is even looked up (the second database has none).
      expect(res.status).toBe(429);
      // A fresh address is not limited there: the 404 comes from the missing campaign.
      const fresh = await fetch(`${second.url}${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address() },
        body: body(),
      });
      expect(fresh.status).toBe(404);
    } finally {
      await second.stop();
      await database.drop();
    }
  }, 180_000);

  it('limits with memory counters while Redis cannot be reached', async () => {
    const database = await createTestDatabase();
    // Nothing listens on port 1: every Redis call fails at once.
    const down = await startChildStrapi({
      database,
      name: 'redis-down',
      pluginConfig: config('redis://127.0.0.1:1/0'),
      env: { CLEARON_PLAYGROUND_PROXY: 'true', CLEARON_PLAYGROUND_PROXY_MAX_IPS: '1' },
    });
    try {
      const ip = address();
      const statuses: number[] = [];
      for (let i = 0; i <= POINTS; i++) {
        const res = await fetch(`${down.url}${PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: body(),
        });
        statuses.push(res.status);
      }
      // Within the budget the request goes on (404: no campaign there); past it, 429.
      expect(statuses).toEqual([...Array(POINTS).fill(404), 429]);
      expect(down.output()).toContain('rate limiter store failed');
      expect(down.output()).not.toContain('127.0.0.1:1');
    } finally {
      await down.stop();
      await database.drop();
    }
  }, 180_000);
});
