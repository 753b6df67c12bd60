import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../utils/plugin-id';
import { createResolvers } from './resolvers';
import { createPublicRouteCaller } from './rest-bridge';
import { OPERATIONS, typeDefs } from './schema';

/** The part of @strapi/plugin-graphql's `extension` service used here. */
interface GraphqlExtensionService {
  shadowCRUD(uid: string): { disable(): unknown };
  use(extension: {
    typeDefs?: string;
    resolvers?: Record<string, Record<string, unknown>>;
    resolversConfig?: Record<string, { auth: false }>;
  }): unknown;
}

/**
 * Every content type and component of the plugin (participations, coupons, integrations, mapping
 * variables, limit counters, triggers, and campaigns, whose public view is `clearonCampaign`):
 * none gets Strapi's generated queries and mutations, so no private field and no participant's
 * data is reachable through GraphQL, by anyone (an API token with full access included).
 */
export const privateModelUids = (strapi: Core.Strapi): string[] => [
  ...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith(`plugin::${PLUGIN_ID}.`)),
  ...Object.keys(strapi.components).filter((uid) => uid.startsWith(`${PLUGIN_ID}.`)),
];

/**
 * With @strapi/plugin-graphql installed: shadow CRUD off for the plugin's models, and the
 * deliberate API on (docs/graphql.md). Called in register(): the GraphQL plugin builds its schema
 * in its bootstrap, which may run before this plugin's.
 */
export const registerGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension: GraphqlExtensionService = graphql.service('extension');
  for (const uid of privateModelUids(strapi)) extension.shadowCRUD(uid).disable();

  const resolversConfig: Record<string, { auth: false }> = {};
  for (const name of OPERATIONS.query) resolversConfig[`Query.${name}`] = { auth: false };
  for (const name of OPERATIONS.mutation) resolversConfig[`Mutation.${name}`] = { auth: false };
  extension.use({
    typeDefs,
    resolvers: createResolvers(createPublicRouteCaller(strapi)),
    resolversConfig,
  });
};
