import type { Core } from '@strapi/strapi';
import { UID } from './plugin-id';

type Params = Record<string, unknown>;

/** The document service's methods the plugin calls, with its params loose and its rows typed. */
interface PluginDocumentService<Row> {
  findOne(params: Params): Promise<Row | null>;
  findMany(params: Params): Promise<Row[]>;
  create(params: Params): Promise<Row>;
  update(params: Params): Promise<Row | null>;
  delete(params: Params): Promise<unknown>;
}

/**
 * The plugin's content types through Strapi's document service, typed with the plugin's own row
 * types (`Campaign`, `IntegrationEntity`, …). Strapi types `documents(uid)` from the app's
 * generated schema types, which a plugin compiled on its own never sees: its params and results are
 * those of a generic content type, which neither the plugin's params nor its rows match. The one
 * cast between the two is here.
 */
export const pluginDocuments = <Row>(
  strapi: Core.Strapi,
  type: keyof typeof UID
): PluginDocumentService<Row> =>
  strapi.documents(UID[type]) as unknown as PluginDocumentService<Row>;
