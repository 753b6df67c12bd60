import { factories } from '@strapi/strapi';

// Only create, and public like the plugin's participation POST: the benchmarks compare the two.
export default factories.createCoreRouter('api::entry.entry', {
  only: ['create'],
  config: { create: { auth: false } },
});
