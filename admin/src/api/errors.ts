/**
 * What the admin needs from a failed request: the HTTP status, the server's message and, for a 400,
 * one message per field (`details.errors[].path[0]`). Works on the FetchError that useFetchClient
 * throws (`error.status`, `error.response.data.error`), without importing it.
 */
export interface ApiProblem {
  status: number | null;
  message: string | null;
  /** Field name → the server's message for it (the first one when several). */
  fieldErrors: Record<string, string>;
  /** Server-side details beyond the field errors (e.g. `campaigns` of a 409). */
  details: Record<string, unknown>;
}

interface ServerError {
  status?: number;
  message?: string;
  details?: { errors?: Array<{ path?: unknown; message?: unknown }> } & Record<string, unknown>;
}

export const toApiProblem = (error: unknown): ApiProblem => {
  const candidate = error as {
    status?: unknown;
    message?: unknown;
    response?: { data?: { error?: ServerError } };
  } | null;
  const serverError = candidate?.response?.data?.error;
  const status =
    typeof candidate?.status === 'number'
      ? candidate.status
      : typeof serverError?.status === 'number'
        ? serverError.status
        : null;
  const fieldErrors: Record<string, string> = {};
  for (const item of serverError?.details?.errors ?? []) {
    const path = Array.isArray(item?.path) ? item.path : [item?.path];
    const field = path.length > 0 && path[0] != null ? String(path[0]) : '';
    if (field && typeof item.message === 'string' && !(field in fieldErrors)) {
      fieldErrors[field] = item.message;
    }
  }
  const { errors: _errors, ...details } = serverError?.details ?? {};
  const message =
    typeof serverError?.message === 'string' && serverError.message
      ? serverError.message
      : typeof candidate?.message === 'string' && candidate.message
        ? candidate.message
        : null;
  return { status, message, fieldErrors, details };
};
