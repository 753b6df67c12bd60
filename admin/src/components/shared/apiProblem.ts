import { toApiProblem, type ApiProblem } from '../../api/errors';

/**
 * What an RTK Query request rejects with (`.unwrap()`): Strapi's fetchBaseQuery answers the
 * server's `error` as it is, `{ name, message, status, details }`.
 */
interface QueryError {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  details?: unknown;
}

/** The server's error, whether thrown by useFetchClient (a FetchError) or by an RTK mutation. */
const serverErrorOf = (error: unknown) => {
  const candidate = error as (QueryError & { response?: { data?: { error?: unknown } } }) | null;
  return candidate?.response?.data?.error ?? candidate;
};

/** {@link toApiProblem} for both: status, message, one message per field, other details. */
export const problemOf = (error: unknown): ApiProblem => {
  const candidate = error as { response?: unknown } | null;
  if (candidate && typeof candidate === 'object' && !candidate.response) {
    const { status } = error as QueryError;
    return toApiProblem({ status, response: { data: { error } } });
  }
  return toApiProblem(error);
};

/**
 * The server's field errors by their whole path (`mapping.email`), the first message of each:
 * Strapi's ValidationError lists them in `details.errors[].path`.
 */
export const fieldErrorsByPath = (error: unknown): Record<string, string> => {
  const items = (serverErrorOf(error) as { details?: { errors?: unknown } } | null)?.details
    ?.errors;
  const found: Record<string, string> = {};
  if (!Array.isArray(items)) return found;
  for (const item of items as Array<{ path?: unknown; message?: unknown }>) {
    const path = Array.isArray(item?.path)
      ? item.path.map(String).join('.')
      : String(item?.path ?? '');
    if (path && typeof item.message === 'string' && !(path in found)) found[path] = item.message;
  }
  return found;
};
