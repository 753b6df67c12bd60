import type { Core, UID as StrapiUID } from '@strapi/strapi';

interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

export interface JoinTable {
  name: string;
  /** The column holding the owner's id. */
  from: string;
  /** The column holding the target's id. */
  to: string;
}

const joinTableMeta = (strapi: Core.Strapi, uid: StrapiUID.Schema, attribute: string) =>
  // Strapi's metadata types a relation without its join table: read it as the loader wrote it.
  Reflect.get(strapi.db.metadata.get(uid).attributes[attribute] ?? {}, 'joinTable') as
    JoinTableMeta | undefined;

/**
 * The join table of a relation, as Strapi's metadata describes it, or null when it has order
 * columns (then only Strapi's own relation code writes it correctly).
 */
export const joinTableOf = (
  strapi: Core.Strapi,
  uid: StrapiUID.Schema,
  attribute: string
): JoinTable | null => {
  const table = joinTableMeta(strapi, uid, attribute);
  if (!table || table.orderColumnName || table.inverseOrderColumnName) return null;
  return { name: table.name, from: table.joinColumn.name, to: table.inverseJoinColumn.name };
};

/** The join table of a relation to read through (order columns or not); throws when it has none. */
export const joinTableToRead = (
  strapi: Core.Strapi,
  uid: StrapiUID.Schema,
  attribute: string
): JoinTable => {
  const table = joinTableMeta(strapi, uid, attribute);
  if (!table) throw new Error(`${uid}.${attribute} has no join table`);
  return { name: table.name, from: table.joinColumn.name, to: table.inverseJoinColumn.name };
};

/** A query builder on `table` in the transaction the caller runs in (Strapi's, when there is one). */
export const inCurrentTransaction = <T>(
  strapi: Core.Strapi,
  work: (table: (name: string) => ReturnType<Core.Strapi['db']['connection']>) => Promise<T>
) =>
  strapi.db.transaction(({ trx }) => {
    const schema = strapi.db.getSchemaName();
    return work((name) => (schema ? trx(name).withSchema(schema) : trx(name)));
  });

/** True when every named relation of `uid` can be written by `linkRows`. */
export const canLinkRows = (strapi: Core.Strapi, uid: StrapiUID.Schema, attributes: string[]) =>
  attributes.every((attribute) => joinTableOf(strapi, uid, attribute) !== null);

/**
 * Writes the link rows of a freshly inserted entry `id` (one per relation whose target id is not
 * null), the same rows Strapi writes, in the current transaction.
 */
export const linkRows = (
  strapi: Core.Strapi,
  uid: StrapiUID.Schema,
  id: number,
  relations: Record<string, number | null>
) =>
  inCurrentTransaction(strapi, async (table) => {
    for (const [attribute, target] of Object.entries(relations)) {
      if (target === null) continue;
      const join = joinTableOf(strapi, uid, attribute);
      if (!join) throw new Error(`${uid}.${attribute} cannot be linked directly`);
      await table(join.name).insert({ [join.from]: id, [join.to]: target });
    }
  });
