import type { Core } from '@strapi/strapi';
import type services from '../services';
import { PLUGIN_ID } from './plugin-id';

type Services = typeof services;

/** The plugin's services, typed: `getService(strapi, 'integrations').list()`. */
export const getService = <K extends keyof Services>(
  strapi: Core.Strapi,
  name: K
): ReturnType<Services[K]> => strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[K]>;
