import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

const PARTICIPATION_PATH = /^\/api\/clearon\/participations\/[^/]+$/;

/** Where a `?token=` taken out of the URL waits for the participation controller. */
export const URL_TOKEN_STATE = 'clearonParticipationToken';

/**
 * Old links carry the participant's token as `?token=`: it is taken out of the URL before anything
 * reads it (Strapi's request logger prints the URL), and handed to the controller in `ctx.state`.
 * New links send the `X-Participation-Token` header, which no log prints.
 */
export const tokenOutOfUrls = (_strapi: Core.Strapi) => async (ctx: Context, next: Next) => {
  if (ctx.method === 'GET' && PARTICIPATION_PATH.test(ctx.path) && 'token' in ctx.query) {
    const params = new URLSearchParams(ctx.querystring);
    const token = params.get('token');
    params.delete('token');
    ctx.querystring = params.toString();
    if (token !== null) ctx.state[URL_TOKEN_STATE] = token;
  }
  return next();
};
