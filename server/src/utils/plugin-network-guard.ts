import type { Core } from '@strapi/strapi';
import { getPluginConfig } from './get-plugin-config';
import { createNetworkGuard, type NetworkGuard } from './network-guard';

/** The network guard of the plugin's outgoing calls, following the `allowPrivateHosts` option. */
export const pluginNetworkGuard = (strapi: Core.Strapi): NetworkGuard =>
  createNetworkGuard({
    allowPrivateHosts: () => getPluginConfig(strapi).allowPrivateHosts === true,
  });
