import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { joinTableOf } from './link-rows';
import { UID } from './plugin-id';

/**
 * The plugin's own submit path links a participation to its campaign itself, in the outbox's
 * transaction: Strapi's document service resolves a relation's documentId and checks it with
 * several queries (≈ 2 ms of a 9 ms participation, docs/benchmarks.md), where the link is two
 * rows. The same rows as Strapi writes: one per row of the campaign's document (draft and
 * published). Other callers' writes (Content Manager, documents().create) are left to Strapi.
 */
const marked = new WeakSet<object>();

/** Marks the create params of a participation whose campaign the outbox may link directly. */
export const linkCampaignDirectly = <T extends object>(params: T): T => {
  marked.add(params);
  return params;
};

export const isMarkedForDirectLink = (params: object) => marked.has(params);

const joinTable = (strapi: Core.Strapi) => joinTableOf(strapi, UID.participation, 'campaign');

export const canLinkDirectly = (strapi: Core.Strapi) => joinTable(strapi) !== null;

/**
 * Writes the link rows in the outbox's transaction `trx`: one statement, the campaign's row ids
 * selected by the insert itself.
 */
export const linkCampaign = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  participationId: number,
  campaignDocumentId: string
) => {
  const table = joinTable(strapi);
  if (!table) throw new Error('The participation → campaign relation cannot be linked directly');
  const schema = strapi.db.getSchemaName();
  const qualified = (name: string) => (schema ? `${schema}.${name}` : name);
  const campaignTable = strapi.db.metadata.get(UID.campaign).tableName;
  await trx.raw('insert into ?? (??, ??) select ?, ?? from ?? where ?? = ?', [
    qualified(table.name),
    table.from,
    table.to,
    participationId,
    'id',
    qualified(campaignTable),
    'document_id',
    campaignDocumentId,
  ]);
};
