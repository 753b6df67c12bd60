import { errors, validateYupSchema, yup } from '@strapi/utils';
import {
  LABEL_MAX,
  MAPPING_VARIABLE_TYPES,
  TECHNICAL_NAME_MAX,
  TECHNICAL_NAME_PATTERN,
  type MappingVariableCreateInput,
  type MappingVariableUpdateInput,
} from '../../../shared/contracts/mapping-variables';

export type {
  MappingVariableCreateInput,
  MappingVariableType,
  MappingVariableUpdateInput,
} from '../../../shared/contracts/mapping-variables';

const WHAT = 'a mapping variable';

/** A 400 in Strapi's standard shape whose details name each field. */
export const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: [path], message, name: 'ValidationError' }],
  });

const knownKeysOnly = (schema: yup.AnyObjectSchema, known: string[]) =>
  schema.test('known-keys', function check(value: unknown) {
    if (!value || typeof value !== 'object') return true;
    const unknown = Object.keys(value).filter((key) => !known.includes(key));
    if (unknown.length === 0) return true;
    return new yup.ValidationError(
      unknown.map(
        (key) =>
          new yup.ValidationError(
            `${key} is not a field of ${WHAT} (allowed: ${known.join(', ')})`,
            undefined,
            key
          )
      )
    );
  });

const fields = (mode: 'create' | 'update') => {
  const label = yup
    .string()
    .typeError('${path} must be text')
    .test('label-length', function check(value?: string | null) {
      if (value === undefined || value === null) return true;
      const length = value.trim().length;
      if (length === 0) return this.createError({ message: '${path} must not be empty' });
      if (length > LABEL_MAX) {
        return this.createError({
          message: `\${path} must be at most ${LABEL_MAX} characters (got ${length})`,
        });
      }
      return true;
    });
  const technicalName = yup
    .string()
    .typeError('${path} must be text')
    .test('technical-name', function check(value?: string | null) {
      if (value === undefined || value === null) return true;
      if (value.length === 0) return this.createError({ message: '${path} must not be empty' });
      if (value.length > TECHNICAL_NAME_MAX) {
        return this.createError({
          message: `\${path} must be at most ${TECHNICAL_NAME_MAX} characters (got ${value.length})`,
        });
      }
      if (!TECHNICAL_NAME_PATTERN.test(value)) {
        return this.createError({
          message:
            '${path} must start with a letter and contain only letters, digits and underscores (no spaces), e.g. deliveryType',
        });
      }
      return true;
    });
  const type = yup
    .string()
    .typeError('${path} must be text')
    .oneOf([...MAPPING_VARIABLE_TYPES], '${path} must be one of: answer, opt-in');
  const availableInForms = yup.boolean().typeError('${path} must be true or false');

  if (mode === 'create') {
    return {
      label: label.required('${path} is required').nullable(false),
      technicalName: technicalName.required('${path} is required').nullable(false),
      type: type.required('${path} is required: answer or opt-in').nullable(false),
      availableInForms,
    };
  }
  return { label, availableInForms, technicalName, type };
};

const objectSchema = (shape: Record<string, yup.AnySchema>) =>
  knownKeysOnly(
    yup.object().shape(shape).typeError('The request body must be a JSON object'),
    Object.keys(shape)
  );

/** validateYupSchema, then tidy details (path/message/name only, no duplicates, one readable message). */
const validate = async <T>(schema: yup.AnySchema, body: unknown): Promise<T> => {
  try {
    return (await validateYupSchema(schema, { strict: true })(body ?? {})) as T;
  } catch (error) {
    if (error instanceof errors.ValidationError) {
      const details = error.details as { errors?: Array<Record<string, unknown>> };
      if (Array.isArray(details?.errors)) {
        const seen = new Set<string>();
        details.errors = details.errors
          .map(({ path, message, name }) => ({ path, message, name }))
          .filter(({ path, message }) => {
            const key = JSON.stringify([path, message]);
            return seen.has(key) ? false : (seen.add(key), true);
          });
        error.message = details.errors.map(({ message }) => String(message)).join('; ');
      }
    }
    throw error;
  }
};

export const validateMappingVariableCreate = async (
  body: unknown
): Promise<MappingVariableCreateInput> => {
  const input = await validate<MappingVariableCreateInput>(objectSchema(fields('create')), body);
  return { ...input, label: input.label.trim() };
};

export const validateMappingVariableUpdate = async (
  body: unknown
): Promise<MappingVariableUpdateInput> => {
  const input = await validate<MappingVariableUpdateInput>(objectSchema(fields('update')), body);
  return input.label === undefined ? input : { ...input, label: input.label.trim() };
};
