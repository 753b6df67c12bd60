import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  proxy: { koa: env('CLEARON_PLAYGROUND_PROXY', 'false') === 'true' },
  app: { keys: env.array('APP_KEYS', ['playgroundKeyA', 'playgroundKeyB']) },
  logger: { updates: { enabled: false }, startup: { enabled: env('NODE_ENV') !== 'test' } },
});
