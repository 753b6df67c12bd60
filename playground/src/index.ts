import type { Core } from '@strapi/strapi';

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // `npm run demo` seeds its admin user, integration and campaigns (playground/src/demo/).
    if (process.env.CLEARON_DEMO_SEED === 'true') {
      const { seedDemo } = await import('./demo/seed');
      await seedDemo(strapi);
    }
  },
};
