import type { MappingVariableOption } from '../../services/mappingVariables';

/**
 * What the form field's pickers offer (the mapping variable, "show when field", "show when value"):
 * pure functions of the mapping variables and of the campaign's form values, tested on their own.
 */

/** One entry of a picker: the value stored, and what the editor reads. */
export interface Choice {
  value: string;
  /** The label; `null` for a stored value the list does not hold (named as such by the input). */
  label: string | null;
  /** The technical part shown next to the label (a technical name, an option value). */
  detail?: string;
}

/** The form field's entries as the Content Manager's form holds them (any shape is tolerated). */
interface FormFieldValues {
  key?: unknown;
  type?: unknown;
  options?: unknown;
}

interface FieldOptionValues {
  label?: unknown;
  value?: unknown;
}

/** Where a form field's own input sits: `fields.2.showWhenField` → the list `fields`, entry 2. */
export interface FormFieldPath {
  /** The path of the repeatable component's entries (`fields`, or deeper when nested). */
  listPath: string;
  /** This field's entry in that list. */
  index: number;
}

export const formFieldPath = (name: string): FormFieldPath | null => {
  const parts = name.split('.');
  if (parts.length < 3) return null;
  const index = Number(parts[parts.length - 2]);
  if (!Number.isInteger(index) || index < 0) return null;
  return { listPath: parts.slice(0, -2).join('.'), index };
};

/** Reads `a.b.0.c` in nested objects and arrays, like Strapi's form does; undefined when absent. */
export const getIn = (values: unknown, path: string): unknown =>
  path
    .split('.')
    .filter(Boolean)
    .reduce<unknown>(
      (current, part) =>
        current !== null && typeof current === 'object'
          ? (current as Record<string, unknown>)[part]
          : undefined,
      values
    );

const asEntries = (fields: unknown): FormFieldValues[] =>
  Array.isArray(fields)
    ? fields.map((field) => (field !== null && typeof field === 'object' ? field : {}))
    : [];

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Adds the stored value when the list does not hold it, so it still shows (and can be changed). */
const withStored = (choices: Choice[], stored: unknown): Choice[] => {
  const value = typeof stored === 'string' ? stored : '';
  if (!value || choices.some((choice) => choice.value === value)) return choices;
  return [...choices, { value, label: null }];
};

/** The mapping variables available in forms (built-in ones included), by label and technical name. */
export const mappingVariableChoices = (
  variables: MappingVariableOption[],
  stored?: unknown
): Choice[] =>
  withStored(
    variables.map((variable) => ({
      value: variable.technicalName,
      label: variable.label || variable.technicalName,
      detail: variable.technicalName,
    })),
    stored
  );

/** The keys of the form's other fields (this one excluded), each once, in the form's order. */
export const siblingKeyChoices = (
  fields: unknown,
  ownIndex: number,
  stored?: unknown
): Choice[] => {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  asEntries(fields).forEach((field, index) => {
    const key = text(field.key);
    if (index === ownIndex || !key || seen.has(key)) return;
    seen.add(key);
    choices.push({ value: key, label: key });
  });
  return withStored(choices, stored);
};

/**
 * The option values of the field named `fieldKey` (another field of the form) when it is a choice
 * field; `null` when it is not one (or there is none), and the value is then typed as text.
 */
export const showWhenValueChoices = (
  fields: unknown,
  ownIndex: number,
  fieldKey: unknown,
  stored?: unknown
): Choice[] | null => {
  const key = text(fieldKey);
  if (!key) return null;
  const target = asEntries(fields).find(
    (field, index) => index !== ownIndex && text(field.key) === key
  );
  if (!target || target.type !== 'choice') return null;
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const option of (Array.isArray(target.options)
    ? target.options
    : []) as FieldOptionValues[]) {
    const value = typeof option?.value === 'string' ? option.value : '';
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const label = text(option.label);
    choices.push({
      value,
      label: label || value,
      detail: label && label !== value ? value : undefined,
    });
  }
  return withStored(choices, stored);
};
