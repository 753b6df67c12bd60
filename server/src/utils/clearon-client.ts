import type { Core } from '@strapi/strapi';
import { createClearonClient, type ClearonClient } from '../clearon';
import type { NetworkGuard } from './network-guard';
import { pluginNetworkGuard } from './plugin-network-guard';

/** What a client factory is given: the app, and the plugin's network guard (allowPrivateHosts). */
export interface ClearonClientContext {
  strapi: Core.Strapi;
  network: NetworkGuard;
}

/** Makes the ClearOn client of the issuer, the integration tester and the test coupon. */
export type ClearonClientFactory = (context: ClearonClientContext) => ClearonClient;

/** The plugin's own client: the real adapter behind the plugin's network guard. */
export const defaultClientFactory: ClearonClientFactory = ({ network }) =>
  createClearonClient({ network });

const factories = new WeakMap<Core.Strapi, ClearonClientFactory>();

/**
 * Test-only: the ClearOn client factory of one Strapi instance (e.g. a client with a stand-in DNS
 * resolver, or a counting wrapper). An app never calls it: the plugin then uses
 * `defaultClientFactory`. Call it before `strapi.load()`, because each service makes its client
 * once, when it is created; the test harness does it in its `beforeLoad`
 * (`bootStrapi({ clientFactory })`, tests/harness/strapi.ts). It is not a plugin config option: the
 * config is read from the app's config files (JSON-like values only) and validated there, while a
 * factory is code, handed over in the process that boots Strapi. Keyed by the instance, so two apps
 * in one process keep their own.
 */
export const provideClientFactory = (strapi: Core.Strapi, factory: ClearonClientFactory) => {
  factories.set(strapi, factory);
};

/** The ClearOn client of one of the plugin's services, from the instance's factory. */
export const createPluginClient = (strapi: Core.Strapi): ClearonClient =>
  (factories.get(strapi) ?? defaultClientFactory)({
    strapi,
    network: pluginNetworkGuard(strapi),
  });
