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

export const registerComponents = (strapi: Core.Strapi) => {
  const registry = strapi.get('components');
  for (const [name, schema] of Object.entries(schemas)) {
    const uid = `${CATEGORY}.${name}`;
    if (registry.get(uid)) continue;
    registry.set(uid, {
      ...structuredClone(schema),
      __schema__: structuredClone(schema),
      uid,
      category: CATEGORY,
      modelType: 'component',
      modelName: name,
      globalId: toGlobalId(name),
    });
  }
};
