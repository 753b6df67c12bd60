import type { Core } from '@strapi/strapi';
import { legacyBodyToBlocks } from '../domain/blocks';

type Migration = Parameters<
  Core.Strapi['db']['migrations']['providers']['internal']['register']
>[0];
type Trx = Parameters<Migration['up']>[0];

export const EXIT_SCREEN_TABLE = 'components_clearon_exit_screens';
const BATCH = 500;

/**
 * The stored value for one legacy body: `undefined` to leave it (already Blocks JSON, or nothing),
 * `null` for an empty text, else the Blocks as JSON text.
 */
export const migratedBody = (body: unknown): string | null | undefined => {
  if (typeof body !== 'string') return undefined; // null, or already JSON on a json/jsonb column
  const trimmed = body.trim();
  if (trimmed === '') return null; // '' is not JSON: the column's new type would refuse it
  if (trimmed.startsWith('[')) {
    try {
      if (Array.isArray(JSON.parse(trimmed))) return undefined; // migrated before
    } catch {
      // a text that starts with "["
    }
  }
  const blocks = legacyBodyToBlocks(body);
  return blocks.length > 0 ? JSON.stringify(blocks) : null;
};

/**
 * Exit screen bodies were text (plain or HTML); they are now Blocks rich text (a json/jsonb column).
 *
 * Registered with Strapi's internal migration provider in the plugin's `register`: Strapi runs
 * pending internal migrations at boot, in a transaction, *before* it syncs the database schema, and
 * records each by name in `strapi_migrations_internal` so it runs once. The column is still `text`
 * then: this rewrites every body as the JSON of its blocks (HTML cleaned by sanitize-html first; an
 * empty text becomes NULL), so that the schema sync that follows can change the column's type
 * (PostgreSQL casts `body::jsonb`, MySQL/MariaDB check each value is JSON, SQLite copies the table)
 * without losing or refusing a row. Every draft and published version is a row of its own, so all
 * are converted. Idempotent: a body that is already a JSON array is left alone.
 */
export const exitScreenBodyToBlocks: Migration = {
  name: 'clearon::exit-screen-body-to-blocks',
  async up(trx: Trx) {
    if (!(await trx.schema.hasTable(EXIT_SCREEN_TABLE))) return; // a new database
    if (!(await trx.schema.hasColumn(EXIT_SCREEN_TABLE, 'body'))) return;
    let lastId = 0;
    for (;;) {
      const rows = (await trx(EXIT_SCREEN_TABLE)
        .select('id', 'body')
        .whereNotNull('body')
        .andWhere('id', '>', lastId)
        .orderBy('id')
        .limit(BATCH)) as { id: number; body: unknown }[];
      if (rows.length === 0) return;
      for (const row of rows) {
        const next = migratedBody(row.body);
        if (next !== undefined)
          await trx(EXIT_SCREEN_TABLE).where('id', row.id).update({ body: next });
      }
      lastId = Number(rows[rows.length - 1].id);
    }
  },
  async down() {
    // Blocks cannot become the old HTML without loss; restore a backup to go back.
  },
};
