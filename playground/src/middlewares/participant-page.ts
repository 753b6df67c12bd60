import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/**
 * Serves the participant page (public/index.html) at `/`, where Strapi would otherwise redirect to
 * the admin. Its script and stylesheet are ordinary files of public/, served by `strapi::public`.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const page = path.join(strapi.dirs.static.public, 'index.html');
  return async (ctx: Context, next: Next) => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path === '/') {
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = fs.createReadStream(page);
      return;
    }
    await next();
  };
};
