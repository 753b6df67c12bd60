import { yup } from '@strapi/utils';
import { objectSchema, trimmedText, validateBody } from './toolkit';
import {
  LABEL_MAX,
  MAPPING_VARIABLE_TYPES,
  TECHNICAL_NAME_MAX,
  TECHNICAL_NAME_PATTERN,
  type MappingVariableCreateInput,
  type MappingVariableUpdateInput,
} from '../../../shared/contracts/mapping-variables';

export { fieldError } from './toolkit';
export type {
  MappingVariableCreateInput,
  MappingVariableType,
  MappingVariableUpdateInput,
} from '../../../shared/contracts/mapping-variables';

const WHAT = 'a mapping variable';

const fields = (mode: 'create' | 'update') => {
  const label = trimmedText(LABEL_MAX);
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

const validate = async <T extends MappingVariableUpdateInput>(
  body: unknown,
  mode: 'create' | 'update'
): Promise<T> => {
  const input = await validateBody<T>(objectSchema(fields(mode), WHAT), body);
  return input.label === undefined ? input : { ...input, label: input.label.trim() };
};

export const validateMappingVariableCreate = (body: unknown) =>
  validate<MappingVariableCreateInput>(body, 'create');

export const validateMappingVariableUpdate = (body: unknown) =>
  validate<MappingVariableUpdateInput>(body, 'update');
