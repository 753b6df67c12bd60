export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // The participant page at `/` (public/index.html), before strapi::public redirects `/` to the admin.
  'global::participant-page',
  'strapi::public',
];
