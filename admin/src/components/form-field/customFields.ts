import { PLUGIN_ID } from '../../pluginId';
import { getTranslation } from '../../utils/getTranslation';
import { PluginIcon } from '../PluginIcon';

const field = (
  name: string,
  key: string,
  label: string,
  description: string,
  Input: () => Promise<{ default: unknown }>
) => ({
  name,
  pluginId: PLUGIN_ID,
  // Stored as strings, as before the pickers: the database columns are the same.
  type: 'string',
  icon: PluginIcon,
  intlLabel: { id: getTranslation(`customField.${key}.label`), defaultMessage: label },
  intlDescription: {
    id: getTranslation(`customField.${key}.description`),
    defaultMessage: description,
  },
  components: { Input },
});

/**
 * The form field's pickers (the `clearon.form-field` component's `mappingVariable`, `showWhenField`
 * and `showWhenValue`), matching the server's `strapi.customFields.register` in register.ts.
 */
export const formFieldCustomFields = [
  field(
    'mapping-variable',
    'mappingVariable',
    'ClearOn mapping variable',
    'In a ClearOn form field: its mapping variable, picked from those available in forms',
    () => import('./MappingVariableInput')
  ),
  field(
    'show-when-field',
    'showWhenField',
    'ClearOn "show when" field',
    'In a ClearOn form field: another field of the same form, picked from its keys',
    () => import('./ShowWhenFieldInput')
  ),
  field(
    'show-when-value',
    'showWhenValue',
    'ClearOn "show when" value',
    'In a ClearOn form field: a value of the "show when" field, picked from its options',
    () => import('./ShowWhenValueInput')
  ),
];
