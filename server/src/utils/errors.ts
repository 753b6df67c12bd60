import { errors as strapiErrors } from '@strapi/utils';

/**
 * Strapi's error classes, each carrying its HTTP status. Strapi's error middleware maps its own
 * classes with `instanceof`. In an app whose npm tree holds a second copy of `@strapi/utils` (the
 * plugin's peer range resolved to a newer version than the one `@strapi/core` pins), that check
 * fails and the middleware falls back to the error's `status` (http-errors), which then gives the
 * same `{ status, name, message, details }` body instead of a 500. `npm run install-check` installs
 * the plugin into such an app; tests/unit/errors.test.ts runs Strapi's own formatter on both paths.
 */
class ApplicationError<
  TName extends string = 'ApplicationError',
  TMessage extends string = string,
  TDetails = unknown,
> extends strapiErrors.ApplicationError<TName, TMessage, TDetails> {
  status = 400;
}
class ValidationError<
  TMessage extends string = string,
  TDetails = unknown,
> extends strapiErrors.ValidationError<TMessage, TDetails> {
  status = 400;
}
class NotFoundError extends strapiErrors.NotFoundError {
  status = 404;
}
class PolicyError extends strapiErrors.PolicyError {
  status = 403;
}
class PayloadTooLargeError extends strapiErrors.PayloadTooLargeError {
  status = 413;
}
class RateLimitError extends strapiErrors.RateLimitError {
  status = 429;
}

export const errors = {
  ...strapiErrors,
  ApplicationError,
  ValidationError,
  NotFoundError,
  PolicyError,
  PayloadTooLargeError,
  RateLimitError,
  /** For `instanceof`: the ValidationError of Strapi's own making too (validateYupSchema's). */
  BaseValidationError: strapiErrors.ValidationError,
};

/** validateYupSchema throws its ValidationError from the plugin's copy: it gets its 400 here. */
export const withHttpStatus = (error: unknown) => {
  if (error instanceof strapiErrors.ValidationError && !('status' in error)) {
    Object.assign(error, { status: 400 });
  }
  return error;
};
