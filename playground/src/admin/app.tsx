/**
 * The playground's admin panel customisation (Strapi 5: src/admin/app.tsx). It offers French and
 * Swedish besides English, so that an editor can pick them on their Profile page and read the
 * ClearOn plugin (and Strapi) in their language. Rebuild the admin after a change (`strapi build`).
 */
export default {
  config: {
    locales: ['fr', 'sv'],
  },
  bootstrap() {},
};
