import type { Context, Next } from 'koa';
import { ParticipationLimitError } from '../domain/limit-errors';
import { sendError } from '../utils/error-response';

/**
 * A coupon trigger's refusal (one per person, the recipient's daily ceiling) reaches the app's own
 * routes (`POST /api/signups`) from the document middleware: Strapi would answer 400, as for every
 * ApplicationError. It answers 409, with `details.reason` and `retryAt`, as the plugin's own POST.
 */
export const limitRefusalAs409 = () => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (error) {
    // The Content Manager (admin routes) keeps Strapi's answer: it shows the message either way.
    const type = (ctx.state as { route?: { info?: { type?: string } } }).route?.info?.type;
    if (!(error instanceof ParticipationLimitError) || type !== 'content-api') throw error;
    sendError(ctx, 409, error.name, error.message, error.details);
  }
};
