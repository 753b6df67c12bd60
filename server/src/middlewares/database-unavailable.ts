import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { databaseUnavailableReason } from '../utils/database-unavailable';
import { sendError } from '../utils/error-response';
import { PLUGIN_ID } from '../utils/plugin-id';

export const RETRY_AFTER_SECONDS = 5;

type RouteState = { route?: { path?: string; info?: { pluginName?: string; type?: string } } };

/** Answers 503 with Retry-After, and logs the route's pattern (never the URL: it may carry a token). */
const answerUnavailable = (strapi: Core.Strapi, ctx: Context, reason: string, message: string) => {
  const route = (ctx.state as RouteState).route?.path ?? '';
  strapi.log.warn(`[clearon] database unavailable (${reason}) on ${ctx.method} ${route}`);
  ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  sendError(ctx, 503, message, {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
};

/**
 * The public routes answer 503 with Retry-After while the database cannot serve them (Strapi would
 * answer 500), so that a front end knows to try again. Any other error goes on to Strapi.
 */
export const databaseUnavailable = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      const reason = databaseUnavailableReason(error);
      if (!reason) throw error;
      answerUnavailable(
        strapi,
        ctx,
        reason,
        'The database cannot be reached right now: try again in a few seconds (with the same ' +
          'Idempotency-Key, a participation is never saved twice)'
      );
    }
  };
};

/**
 * The same for the plugin's admin routes. A route middleware runs after Strapi's authentication,
 * which reads the admin user from the database, so this one wraps the router instead (an app
 * middleware, added in bootstrap: inside strapi::errors) and acts only on the plugin's admin routes
 * (the route Strapi matched is in ctx.state.route, set before authentication).
 */
export const adminDatabaseUnavailable =
  (strapi: Core.Strapi) => async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      const info = (ctx.state as RouteState).route?.info;
      const reason =
        info?.pluginName === PLUGIN_ID && info.type === 'admin'
          ? databaseUnavailableReason(error)
          : null;
      if (!reason) throw error;
      answerUnavailable(
        strapi,
        ctx,
        reason,
        'The database cannot be reached right now: try again in a few seconds'
      );
    }
  };
