import type { Context } from 'koa';

/**
 * Answers with Strapi's error shape (`{ data: null, error: { status, name, message, details } }`)
 * where a controller answers itself rather than throwing one of Strapi's errors.
 */
export const sendError = (
  ctx: Context,
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {}
) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
};

/** 409: the item is still used; `details` says by what. */
export const sendConflict = (ctx: Context, message: string, details: Record<string, unknown>) =>
  sendError(ctx, 409, 'ConflictError', message, details);
