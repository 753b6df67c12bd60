import { PLUGIN_ID } from '../pluginId';

export const prefixPluginTranslations = (trad: Record<string, string>) =>
  Object.fromEntries(Object.entries(trad).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
