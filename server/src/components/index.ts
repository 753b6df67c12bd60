import type { Core } from '@strapi/strapi';
import fieldOption from './field-option.json';
import formField from './form-field.json';
import quizAnswer from './quiz-answer.json';
import quizQuestion from './quiz-question.json';
import exitScreen from './exit-screen.json';

// Strapi 5 loads components only from the app's src/components; the plugin registers its own here,
// in the shape the app loader gives them (see @strapi/core loaders/components).
const CATEGORY = 'clearon';

/** The form field's custom fields (`plugin::clearon.<name>`, type string: the columns stay strings). */
export const FORM_FIELD_CUSTOM_FIELDS = [
  'mapping-variable',
  'show-when-field',
  'show-when-value',
] as const;

const schemas: Record<string, { collectionName: string; info: object; attributes: object }> = {
  'field-option': fieldOption,
  'form-field': formField,
  'quiz-answer': quizAnswer,
  'quiz-question': quizQuestion,
  'exit-screen': exitScreen,
};

const toGlobalId = (name: string) =>
  `ComponentClearon${name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`;

/**
 * The plugin's components as Strapi's own loader makes an app's `src/components/<category>/<name>.json`
 * into registry entries (@strapi/core loaders/components: the schema, a pristine copy in
 * `__schema__`, uid, category, model type and name, global id). Strapi 5 has no plugin API for
 * components; tests/unit/components-shape.test.ts runs that loader on these files and fails if a
 * Strapi upgrade makes its entries differ from these.
 */
export const pluginComponents = () =>
  Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const uid = `${CATEGORY}.${name}`;
      return [
        uid,
        {
          ...structuredClone(schema),
          __schema__: structuredClone(schema),
          uid,
          category: CATEGORY,
          modelType: 'component',
          modelName: name,
          globalId: toGlobalId(name),
        },
      ];
    })
  );

/** Registers the plugin's components through the registry's `add`, as the app loader does. */
export const registerComponents = (strapi: Core.Strapi) => {
  const registry = strapi.get('components');
  const missing = Object.fromEntries(
    Object.entries(pluginComponents()).filter(([uid]) => !registry.get(uid))
  );
  registry.add(missing);
};
