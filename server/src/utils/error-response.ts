import type { Context } from 'koa';

const NAMES = {
  409: 'ConflictError',
  413: 'PayloadTooLargeError',
  415: 'UnsupportedMediaTypeError',
  422: 'UnprocessableEntityError',
  503: 'ServiceUnavailableError',
} as const;

// For statuses without a Strapi error class, or ahead of its error middleware: the same body.
export const sendError = (
  ctx: Context,
  status: keyof typeof NAMES,
  message: string,
  details: Record<string, unknown> = {},
  name: string = NAMES[status]
) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
};
