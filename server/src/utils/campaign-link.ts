import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
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

interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

/** The participation → campaign join table, or null when it has order columns (Strapi's job then). */
const joinTable = (strapi: Core.Strapi) => {
  const attribute = strapi.db.metadata.get(UID.participation).attributes.campaign as unknown as {
    joinTable?: JoinTableMeta;
  };
  const table = attribute.joinTable;
  if (!table || table.orderColumnName || table.inverseOrderColumnName) return null;
  return { name: table.name, from: table.joinColumn.name, to: table.inverseJoinColumn.name };
};

export const canLinkDirectly = (strapi: Core.Strapi) => joinTable(strapi) !== null;

/** Writes the link rows in the outbox's transaction `trx`. */
export const linkCampaign = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  participationId: number,
  campaignDocumentId: string
) => {
  const table = joinTable(strapi);
  if (!table) throw new Error('The participation → campaign relation cannot be linked directly');
  const rows = (await strapi.db
    .query(UID.campaign)
    .findMany({ where: { documentId: campaignDocumentId }, select: ['id'] })) as { id: number }[];
  if (rows.length === 0) return;
  const schema = strapi.db.getSchemaName();
  const insert = schema ? trx(table.name).withSchema(schema) : trx(table.name);
  await insert.insert(rows.map((row) => ({ [table.from]: participationId, [table.to]: row.id })));
};
