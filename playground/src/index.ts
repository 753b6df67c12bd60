import type { Core } from '@strapi/strapi';

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // `npm run demo` seeds its admin user, integration and campaigns (playground/src/demo/);
    // CLEARON_DEMO_SEED=admin seeds the admin user only (an empty app, as the admin e2e test needs).
    const seed = process.env.CLEARON_DEMO_SEED;
    if (seed === 'true' || seed === 'admin') {
      const { seedDemo } = await import('./demo/seed');
      await seedDemo(strapi, { adminOnly: seed === 'admin' });
    }
  },
};
