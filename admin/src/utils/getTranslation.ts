import { PLUGIN_ID } from '../pluginId';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

/** A react-intl message of the plugin: its translation key and the English text. */
export const message = (key: string, defaultMessage: string) => ({
  id: getTranslation(key),
  defaultMessage,
});
