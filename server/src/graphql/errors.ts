import { errors } from '@strapi/utils';
import type { PublicRouteOutcome } from './rest-bridge';

interface RestErrorBody {
  error?: { name?: unknown; message?: unknown; details?: unknown };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A REST error answer as a GraphQL error. Strapi's GraphQL plugin puts the error's `name`,
 * `message` and `details` (the REST body's `error`) in `extensions.error`, and its code in
 * `extensions.code` (`BAD_USER_INPUT` for a ValidationError, else `STRAPI_<NAME>`); the REST status
 * and Retry-After ride along as `extensions.status` and `extensions.retryAfter`.
 */
export const toGraphqlError = (outcome: PublicRouteOutcome) => {
  const { error } = (isObject(outcome.body) ? outcome.body : {}) as RestErrorBody;
  const name = typeof error?.name === 'string' ? error.name : 'ApplicationError';
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${outcome.status}`;
  const details = isObject(error?.details) ? error.details : {};
  const failure =
    name === 'ValidationError'
      ? new errors.ValidationError(message, details)
      : new errors.ApplicationError(message, details);
  const retryAfter = Number(outcome.header('retry-after'));
  // The REST name (CaptchaError, ParticipationLimitError, ...), which the class names do not cover.
  return Object.assign(failure, {
    name,
    extensions: {
      status: outcome.status,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
    },
  });
};

/** The REST answer's `data` on success (2xx), else its error, thrown. */
export const dataOrThrow = (outcome: PublicRouteOutcome): Record<string, unknown> => {
  if (outcome.status >= 200 && outcome.status < 300 && isObject(outcome.body)) {
    const { data } = outcome.body;
    if (isObject(data)) return data;
  }
  throw toGraphqlError(outcome);
};
