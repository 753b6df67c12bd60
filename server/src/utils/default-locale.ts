import type { Core } from '@strapi/strapi';

/** The i18n plugin's default locale (`en` unless an admin changed it). */
export const defaultLocaleOf = async (strapi: Core.Strapi): Promise<string> => {
  const locales = strapi.plugin('i18n')?.service('locales') as
    { getDefaultLocale(): Promise<string | null> } | undefined;
  return (await locales?.getDefaultLocale()) ?? 'en';
};
