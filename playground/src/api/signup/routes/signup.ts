import { factories } from '@strapi/strapi';

// Public create only (`POST /api/signups`), as a site builder's own sign-up form would be.
export default factories.createCoreRouter('api::signup.signup', {
  only: ['create'],
  config: { create: { auth: false } },
});
