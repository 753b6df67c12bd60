import type { Core } from '@strapi/strapi';

// CLEARON_PLUGIN_PATH lets the test harness load the plugin's TypeScript source instead of dist/;
// CLEARON_PLAYGROUND_CONFIG (JSON) lets tests, the demo and benchmarks tune the plugin config.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  clearon: {
    enabled: true,
    resolve: env('CLEARON_PLUGIN_PATH', '..'),
    config: {
      // The playground talks to the local ClearOn simulator over plain http on loopback.
      allowPrivateHosts: true,
      ...JSON.parse(env('CLEARON_PLAYGROUND_CONFIG', '{}') || '{}'),
    },
  },
});
