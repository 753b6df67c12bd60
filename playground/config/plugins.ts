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
      // The demo's own form: each opted-in sign-up (POST /api/signups) gets coupon ENTRY5, valid
      // 7 days, sent by email, or by SMS when deliveryType is sms and a phone is given.
      triggers: [
        {
          key: 'signup-welcome',
          name: 'Sign-up welcome coupon',
          contentType: 'api::signup.signup',
          event: 'create',
          couponCode: 'ENTRY5',
          validityDays: 7,
          delivery: 'automatic',
          channel: 'entry',
          mapping: {
            email: 'email',
            phone: 'phone',
            firstName: 'firstName',
            deliveryType: 'deliveryType',
          },
          condition: { field: 'optIn', equals: true },
          participationLimit: 'once',
        },
      ],
      ...JSON.parse(env('CLEARON_PLAYGROUND_CONFIG', '{}') || '{}'),
    },
  },
  // GraphQL at /graphql: the plugin adds clearonCampaign, clearonParticipate and
  // clearonParticipation (docs/graphql.md). No landing page; bounded queries.
  graphql: {
    enabled: true,
    config: { landingPage: false, defaultLimit: 25, maxLimit: 100, depthLimit: 10 },
  },
  'users-permissions': {
    enabled: true,
    config: { jwtSecret: env('JWT_SECRET', 'playground-jwt-secret') },
  },
});
