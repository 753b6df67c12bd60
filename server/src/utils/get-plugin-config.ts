import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './plugin-id';
import type { ClearonPluginConfig } from '../config';

export const getPluginConfig = (strapi: Core.Strapi): ClearonPluginConfig =>
  strapi.config.get(`plugin::${PLUGIN_ID}`) as ClearonPluginConfig;
