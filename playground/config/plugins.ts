import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * The plugin's folder (the repository root), as an absolute path: Strapi's server resolves a relative
 * `resolve` from its own module, not from the app. This file runs from config/ (the admin build) or
 * compiled from dist/config/ (the server), hence the search upwards.
 */
const repositoryRoot = () => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'strapi-server.js'))) return dir;
  }
  throw new Error(`strapi-plugin-clearon's folder was not found above ${__dirname}`);
};

// CLEARON_PLUGIN_PATH lets the test harness load the plugin's TypeScript source instead of dist/;
// CLEARON_PLAYGROUND_CONFIG (JSON) lets tests, the demo and benchmarks tune the plugin config.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  clearon: {
    enabled: true,
    resolve: env('CLEARON_PLUGIN_PATH', repositoryRoot()),
    config: {
      // The playground talks to the local ClearOn simulator over plain http on loopback.
      allowPrivateHosts: true,
      ...JSON.parse(env('CLEARON_PLAYGROUND_CONFIG', '{}') || '{}'),
    },
  },
});
