import { validateYupSchema, yup } from '@strapi/utils';
import { errors, withHttpStatus } from '../utils/errors';

/**
 * The plugin's one way to check a request body: yup schemas run by Strapi's validateYupSchema in
 * strict mode (a value of the wrong type is refused, never coerced), every problem a 400 in
 * Strapi's standard shape whose `details.errors[]` name the field.
 */

/** A 400 naming one field (`path` may be dotted: `mapping.email`); `message` is the whole sentence. */
export const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: path.split('.'), message, name: 'ValidationError' }],
  });

/**
 * Text that, trimmed, is not empty and at most `max` characters. Values `skip` accepts pass
 * unchecked (by default null and undefined: `required` reports them where a value is needed).
 */
export const trimmedText = (
  max: number,
  skip: (value: string | null | undefined) => boolean = (value) => value == null
) =>
  yup
    .string()
    .typeError('${path} must be text')
    .test('trimmed-length', function check(value?: string | null) {
      if (skip(value) || value == null) return true;
      const length = value.trim().length;
      if (length === 0) return this.createError({ message: '${path} must not be empty' });
      if (length > max) {
        return this.createError({
          message: `\${path} must be at most ${max} characters (got ${length})`,
        });
      }
      return true;
    });

/** Refuses keys the schema does not name, each as its own error (`<key> is not a field of …`). */
export const knownKeysOnly = (schema: yup.AnyObjectSchema, known: string[], what: string) =>
  schema.test('known-keys', function check(value: unknown) {
    if (!value || typeof value !== 'object') return true;
    const unknown = Object.keys(value).filter((key) => !known.includes(key));
    if (unknown.length === 0) return true;
    return new yup.ValidationError(
      unknown.map(
        (key) =>
          new yup.ValidationError(
            `${key} is not a field of ${what} (allowed: ${known.join(', ')})`,
            undefined,
            key
          )
      )
    );
  });

/** A JSON object body with exactly these fields (each optional unless its schema requires it). */
export const objectSchema = (shape: Record<string, yup.AnySchema>, what: string) =>
  knownKeysOnly(
    yup.object().shape(shape).typeError('The request body must be a JSON object'),
    Object.keys(shape),
    what
  );

/**
 * Validates `body`; on failure the details keep path, message and name only (a refused value, an
 * API key say, is never echoed back or logged), without duplicates, under one readable message.
 */
export const validateBody = async <T>(schema: yup.AnySchema, body: unknown): Promise<T> => {
  try {
    return (await validateYupSchema(schema, { strict: true })(body ?? {})) as T;
  } catch (error) {
    if (error instanceof errors.BaseValidationError) {
      const details = error.details as { errors?: Array<Record<string, unknown>> };
      if (Array.isArray(details?.errors)) {
        const seen = new Set<string>();
        details.errors = details.errors
          .map(({ path, message, name }) => ({ path, message, name }))
          .filter(({ path, message }) => {
            const key = JSON.stringify([path, message]);
            return seen.has(key) ? false : (seen.add(key), true);
          });
        // One readable sentence instead of yup's "3 errors occurred".
        error.message = details.errors.map(({ message }) => String(message)).join('; ');
      }
    }
    throw withHttpStatus(error);
  }
};
