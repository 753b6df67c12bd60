import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Behind a reverse proxy: Strapi 5 passes `proxy.koa` to Koa's `proxy` (trust X-Forwarded-*),
  // `proxy.maxIpsCount` to Koa's `maxIpsCount` (how many X-Forwarded-For entries, from the right,
  // come from proxies you run: 1 behind one nginx) and `proxy.ipHeader` to Koa's `proxyIpHeader`.
  proxy: {
    koa: env.bool('CLEARON_PLAYGROUND_PROXY', false),
    maxIpsCount: env.int('CLEARON_PLAYGROUND_PROXY_MAX_IPS', 0),
  },
  app: { keys: env.array('APP_KEYS', ['playgroundKeyA', 'playgroundKeyB']) },
  logger: { updates: { enabled: false }, startup: { enabled: env('NODE_ENV') !== 'test' } },
});
