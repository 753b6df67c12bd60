import type { Context, Next } from 'koa';
import { ParticipationLimitError } from '../domain/limit-errors';
import { sendError } from '../utils/error-response';

/**
 * A participation limit's refusal answers 409 on the public API, with `details.reason` and
 * `retryAt`, where Strapi would answer 400 as for every ApplicationError: on the plugin's own POST
 * (REST, and GraphQL through the REST bridge) and on the app's own routes (`POST /api/signups`),
 * which a coupon trigger's refusal (one per person, the recipient's daily ceiling) reaches from the
 * document middleware.
 */
export const limitRefusalAs409 = () => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (error) {
    // The Content Manager (admin routes) keeps Strapi's answer: it shows the message either way.
    const type = (ctx.state as { route?: { info?: { type?: string } } }).route?.info?.type;
    if (!(error instanceof ParticipationLimitError) || type !== 'content-api') throw error;
    sendError(ctx, 409, error.message, error.details, error.name);
  }
};
