import type { Core } from '@strapi/strapi';
import { UID } from './plugin-id';

type Params = Record<string, unknown>;

/**
 * The plugin's content types through Strapi's document service, typed with the plugin's own row
 * types (`Campaign`, `IntegrationEntity`, …). Strapi types `documents(uid)` from the app's
 * generated schema types, which a plugin compiled on its own never sees: its params and results are
 * those of a generic content type, which neither the plugin's params nor its rows match. The casts
 * between the two live here, and only here.
 */
export const pluginDocuments = <Row>(strapi: Core.Strapi, type: keyof typeof UID) => {
  const service = strapi.documents(UID[type]);
  return {
    async findOne(params: Params): Promise<Row | null> {
      return (await service.findOne(params as never)) as unknown as Row | null;
    },
    async findMany(params: Params): Promise<Row[]> {
      return (await service.findMany(params as never)) as unknown as Row[];
    },
    async create(params: Params): Promise<Row> {
      return (await service.create(params as never)) as unknown as Row;
    },
    async update(params: Params): Promise<Row | null> {
      return (await service.update(params as never)) as unknown as Row | null;
    },
    async delete(params: Params): Promise<void> {
      await service.delete(params as never);
    },
  };
};
