import { message as m } from '../../utils/getTranslation';

/** The texts of the form field's pickers; the translations live in admin/src/translations/*.json. */
export const messages = {
  none: m('formField.picker.none', 'None'),
  choice: m('formField.picker.choice', '{label} ({detail})'),
  unknown: m('formField.picker.unknown', '{value} (not in the list)'),
  mappingVariableLoadError: m(
    'formField.mappingVariable.loadError',
    'The mapping variables could not be loaded'
  ),
  mappingVariableEmpty: m(
    'formField.mappingVariable.empty',
    'No mapping variable is available in forms: add one in Settings → ClearOn → Mapping variables'
  ),
  showWhenFieldEmpty: m(
    'formField.showWhenField.empty',
    'Give the other fields of this form a key to pick one of them here'
  ),
  showWhenValueChooseField: m(
    'formField.showWhenValue.chooseField',
    'Pick the Show when field first'
  ),
};
