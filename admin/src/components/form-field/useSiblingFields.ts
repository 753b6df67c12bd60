import { useForm } from '@strapi/strapi/admin';

import { formFieldPath, getIn } from './options';

/**
 * The entries of the repeatable component this form field belongs to, read from the document's form
 * values: the input named `fields.2.showWhenField` gets `fields` and its own index, 2.
 */
export const useSiblingFields = (name: string): { fields: unknown; index: number } => {
  const path = formFieldPath(name);
  const fields = useForm(
    'ClearOnFormFieldInput',
    (state) => (path ? getIn(state.values, path.listPath) : undefined),
    false
  );
  return { fields, index: path?.index ?? -1 };
};

/** One attribute of this form field's own entry (e.g. its `showWhenField`, next to `showWhenValue`). */
export const useOwnAttribute = (name: string, attribute: string): unknown => {
  const parent = name.split('.').slice(0, -1).join('.');
  return useForm(
    'ClearOnFormFieldInput',
    (state) => (parent ? getIn(state.values, `${parent}.${attribute}`) : undefined),
    false
  );
};
