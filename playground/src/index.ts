import type { Core } from '@strapi/strapi';

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // SQLite in write-ahead-log mode, as we recommend for production (docs/agencies.md): a commit
    // then costs one fsync of the log instead of several of the database, and better-sqlite3 waits
    // for them on Node's only thread. synchronous = FULL keeps every commit durable, power cut
    // included. DATABASE_SQLITE_WAL=false keeps SQLite's default.
    if (strapi.db.dialect.client === 'sqlite' && process.env.DATABASE_SQLITE_WAL !== 'false') {
      await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
      await strapi.db.connection.raw('PRAGMA synchronous = FULL');
    }
    // `npm run demo` seeds its admin user, integration and campaigns (playground/src/demo/);
    // CLEARON_DEMO_SEED=admin seeds the admin user only (an empty app, as the admin e2e test needs).
    const seed = process.env.CLEARON_DEMO_SEED;
    if (seed === 'true' || seed === 'admin') {
      const { seedDemo } = await import('./demo/seed');
      await seedDemo(strapi, { adminOnly: seed === 'admin' });
    }
  },
};
