import { createStrapi, type Core } from '@strapi/strapi';
import {
  provideClientFactory,
  type ClearonClientFactory,
} from '../../server/src/utils/clearon-client';
import { trackCommitCallbacks } from './commit-callbacks';
import { createTestDatabase, type TestDatabase } from './database';
import { PLAYGROUND_DIR, PLAYGROUND_DIST_DIR, PLUGIN_SOURCE_ENTRY } from './paths';

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** The Koa callback's HTTP server, for supertest. */
  server: Core.Strapi['server']['httpServer'];
  stop(): Promise<void>;
}

export interface BootOptions {
  /** Plugin config merged over the playground's (see playground/config/plugins.ts). */
  pluginConfig?: Record<string, unknown>;
  /** Reuse an existing database instead of creating one (e.g. a second instance, a restart). */
  database?: TestDatabase;
  env?: Record<string, string>;
  /** Runs before Strapi loads (before the plugins register), e.g. to add an outer document middleware. */
  beforeLoad?: (strapi: Core.Strapi) => void;
  /**
   * Makes the plugin's ClearOn clients (issuer, integration tester, test coupon) instead of the real
   * adapter behind the plugin's network guard: e.g. a client with a stand-in DNS resolver.
   */
  clientFactory?: ClearonClientFactory;
}

const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  APP_KEYS: 'testKeyA,testKeyB',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  API_TOKEN_SALT: 'test-api-token-salt',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key',
  CLEARON_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
};

/**
 * Boots the playground app on its own database with the plugin loaded from source, and mounts its
 * routes. Each call gets a fresh database unless one is passed in.
 */
export const bootStrapi = async (options: BootOptions = {}): Promise<TestApp> => {
  const database = options.database ?? (await createTestDatabase());
  const env = {
    ...TEST_ENV,
    ...database.env,
    CLEARON_PLUGIN_PATH: PLUGIN_SOURCE_ENTRY,
    CLEARON_PLAYGROUND_CONFIG: JSON.stringify(options.pluginConfig ?? {}),
    ...options.env,
  };
  Object.assign(process.env, env);

  const strapi = createStrapi({ appDir: PLAYGROUND_DIR, distDir: PLAYGROUND_DIST_DIR });
  strapi.log.level = process.env.TEST_LOG_LEVEL ?? 'warn';
  if (options.clientFactory) provideClientFactory(strapi, options.clientFactory);
  options.beforeLoad?.(strapi);
  try {
    await strapi.load();
  } catch (error) {
    // A Strapi that failed to start (a config refused in bootstrap) still holds its timers and
    // database connections: end it, so that the next boot in this worker starts clean.
    await strapi.destroy().catch(() => undefined);
    if (!options.database) await database.drop().catch(() => undefined);
    throw error;
  }
  strapi.server.mount();
  const commitCallbacks = trackCommitCallbacks(strapi);

  return {
    strapi,
    database,
    server: strapi.server.httpServer,
    async stop() {
      await commitCallbacks.settle();
      await strapi.destroy();
      if (!options.database) await database.drop();
    },
  };
};
