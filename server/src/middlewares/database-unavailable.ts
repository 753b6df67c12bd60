import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { databaseUnavailableReason } from '../utils/database-unavailable';
import { sendError } from '../utils/error-response';

export const RETRY_AFTER_SECONDS = 5;

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
      // The route's pattern, never the URL: a URL may carry a participant's token.
      const route = (ctx.state as { route?: { path?: string } }).route?.path ?? '';
      strapi.log.warn(`[clearon] database unavailable (${reason}) on ${ctx.method} ${route}`);
      ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
      sendError(
        ctx,
        503,
        'ServiceUnavailableError',
        'The database cannot be reached right now: try again in a few seconds (with the same ' +
          'Idempotency-Key, a participation is never saved twice)',
        { retryAfterSeconds: RETRY_AFTER_SECONDS }
      );
    }
  };
};
