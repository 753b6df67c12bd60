import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { identityHashes } from '../domain/identity';
import {
  NEW_ROW,
  checkPerson,
  checkRecipient,
  toRow,
  type CampaignStock,
  type CounterRow,
  type LimitInput,
  type LimitPlan,
  type LockKey,
} from '../domain/limit-rules';

export type { CampaignStock, LimitInput, LimitPlan } from '../domain/limit-rules';
import { deriveFromAppKeys } from '../utils/app-keys';
import { getPluginConfig } from '../utils/get-plugin-config';

const TABLE = 'clearon_limit_counters';
const COUPONS = 'clearon_coupons';
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What a counter row counts; the subject is a keyed hash or a campaign's documentId. */
const scopes = {
  person: (campaignDocumentId: string) => `person:${campaignDocumentId}`,
  recipient: 'recipient',
  coupons: 'coupons',
  honeypot: 'honeypot',
} as const;

/**
 * The rules a campaign states about people and stock, enforced in the participation's own
 * transaction. Every row a participation depends on is locked first, in one global order (no
 * deadlock between two participations), so that simultaneous submits of one person, or of many
 * people against a cap, are decided one after the other by the database, on every instance.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  let identityKey: Buffer | null = null;
  const keyForIdentities = () => {
    identityKey ??= deriveFromAppKeys(strapi.config.get('server.app.keys'), 'identity hash v1');
    if (!identityKey) throw new Error('[clearon] APP_KEYS is empty: participation limits need it');
    return identityKey;
  };
  const isMysql = () => strapi.db.dialect.client === 'mysql';

  /**
   * Creates the rows a participation will lock (one statement; existing rows are left alone). On
   * SQLite and PostgreSQL this runs in the participation's transaction: two transactions that
   * insert one key wait for each other in key order, like locks. On MySQL/MariaDB it runs before
   * the transaction and outside it, so that simultaneous participations queue on row locks instead
   * of deadlocking on the gap locks of inserts of one key.
   */
  const ensureRows = async (db: Knex, keys: LockKey[], capOf: string | null) => {
    const now = new Date();
    const rows = keys.map(([scope, subject]) => ({
      scope,
      subject,
      total: 0,
      created_at: now,
      updated_at: now,
    }));
    const capMissing =
      capOf !== null &&
      !(await db(TABLE).where({ scope: scopes.coupons, subject: capOf }).first('id'));
    if (capOf && capMissing) {
      // A cap set on a running campaign counts the coupons it already has.
      const [{ n }] = await db(COUPONS).where('campaign_document_id', capOf).count({ n: '*' });
      rows.push({
        scope: scopes.coupons,
        subject: capOf,
        total: Number(n),
        created_at: now,
        updated_at: now,
      });
    }
    if (rows.length === 0) return;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await db(TABLE).insert(rows).onConflict(['scope', 'subject']).ignore();
        return;
      } catch (error) {
        // Two first inserts of one key can still collide on MySQL: the statement is idempotent.
        if (attempt >= 3 || (error as { code?: string }).code !== 'ER_LOCK_DEADLOCK') throw error;
      }
    }
  };

  /**
   * Locks the rows of `keys` until the transaction ends and reads them. On SQLite and PostgreSQL one
   * upsert creates the missing rows and locks the others, in key order (`ON CONFLICT DO UPDATE`
   * always works on the latest committed row). On MySQL/MariaDB the rows exist already (see
   * ensureRows) and one `SELECT … FOR UPDATE` locks them in index order.
   */
  const lockAll = async (trx: Knex, keys: LockKey[]): Promise<CounterRow[]> => {
    if (keys.length === 0) return [];
    const now = new Date();
    if (!isMysql()) {
      const rows = await trx(TABLE)
        .insert(
          keys.map(([scope, subject]) => ({
            ...NEW_ROW,
            scope,
            subject,
            created_at: now,
            updated_at: now,
          }))
        )
        .onConflict(['scope', 'subject'])
        .merge({ updated_at: now })
        .returning(['scope', 'subject', 'total', 'last_at_ms', 'recent_ms']);
      return (rows as Record<string, unknown>[]).map(toRow);
    }
    const select = async (): Promise<Record<string, unknown>[]> =>
      trx(TABLE)
        .whereIn(['scope', 'subject'], keys)
        .orderBy([{ column: 'scope' }, { column: 'subject' }])
        .forUpdate();
    let rows = await select();
    if (rows.length < keys.length) {
      await ensureRows(trx, keys, null);
      rows = await select();
    }
    return rows.map(toRow);
  };

  /** Writes the rows back, in one statement. */
  const saveAll = async (trx: Knex, rows: CounterRow[]) => {
    if (rows.length === 0) return;
    const now = new Date();
    await trx(TABLE)
      .insert(
        rows.map((row) => ({
          scope: row.scope,
          subject: row.subject,
          total: row.total,
          last_at_ms: row.lastAtMs,
          recent_ms: JSON.stringify(row.recentMs),
          created_at: now,
          updated_at: now,
        }))
      )
      .onConflict(['scope', 'subject'])
      .merge(['total', 'last_at_ms', 'recent_ms', 'updated_at']);
  };

  /**
   * Takes one coupon from the campaign's cap; false when none is left. Only capped campaigns keep
   * this counter: an uncapped campaign's participations never wait on one shared row.
   */
  const takeFromCap = async (trx: Knex, campaignDocumentId: string, cap: number) => {
    const where = { scope: scopes.coupons, subject: campaignDocumentId };
    const taken = await trx(TABLE).where(where).where('total', '<', cap).increment('total', 1);
    return Number(taken) === 1;
  };

  return {
    /**
     * What a participation will lock, in one global order; its rows are created now, outside any
     * transaction when the caller is not in one (see ensureRows).
     */
    async prepare(input: LimitInput): Promise<LimitPlan> {
      const { recipientPerDay, normalizeEmailAliases } = getPluginConfig(strapi).limits;
      const hashes = identityHashes(input.contact, keyForIdentities(), {
        foldEmailAliases: normalizeEmailAliases,
      });
      const policy = input.campaign.participationLimit ?? 'once';
      const personScope = scopes.person(input.campaign.documentId);
      const keys: LockKey[] = [];
      if (policy !== 'unlimited') for (const h of hashes) keys.push([personScope, h]);
      if (input.withCoupon && recipientPerDay) {
        for (const h of hashes) keys.push([scopes.recipient, h]);
      }
      // Code-unit order, the same in every instance whatever its locale.
      keys.sort(([a, b], [c, d]) => (a === c ? compare(b, d) : compare(a, c)));
      const cap = input.withCoupon ? (input.campaign.maxCoupons ?? null) : null;
      const rowsReady = isMysql() && !strapi.db.inTransaction();
      if (rowsReady) {
        await ensureRows(strapi.db.connection, keys, cap ? input.campaign.documentId : null);
      }
      return { input, keys, personScope, recipientPerDay, cap, rowsReady };
    },

    /**
     * In the participation's transaction: checks the campaign's participation limit and the
     * recipient's daily ceiling, takes a coupon from the cap, and records all three; throws
     * ParticipationLimitError when a rule refuses. Resolves to whether the participation gets its
     * coupon (false: the cap is reached).
     */
    async apply(trx: Knex, plan: LimitPlan): Promise<{ coupon: boolean }> {
      const { input, keys, personScope, recipientPerDay, cap } = plan;
      if (!plan.rowsReady && cap) await ensureRows(trx, [], input.campaign.documentId);
      const rows = await lockAll(trx, keys);
      const personRows = rows.filter((row) => row.scope === personScope);
      const recipientRows = rows.filter((row) => row.scope === scopes.recipient);
      const now = Date.now();
      checkPerson(personRows, input, now);

      let coupon = input.withCoupon;
      if (coupon && cap) coupon = await takeFromCap(trx, input.campaign.documentId, cap);
      if (coupon && recipientPerDay) {
        checkRecipient(recipientRows, recipientPerDay, now);
        for (const row of recipientRows) row.recentMs.push(now);
      }
      for (const row of personRows) {
        row.lastAtMs = now;
        row.total += 1;
      }
      await saveAll(trx, [...personRows, ...(coupon ? recipientRows : [])]);
      return { coupon };
    },

    /** A honeypot hit on the campaign: counted, nothing else written. */
    async countHoneypot(campaignDocumentId: string) {
      const db = strapi.db.connection;
      await ensureRows(db, [[scopes.honeypot, campaignDocumentId]], null);
      await db(TABLE)
        .where({ scope: scopes.honeypot, subject: campaignDocumentId })
        .increment('total', 1);
    },

    /**
     * Per campaign: coupons written (the cap's counter where the campaign is capped, else its
     * coupon rows) and honeypot hits. The dashboard's stock figures.
     */
    async stock(): Promise<CampaignStock[]> {
      const db = strapi.db.connection;
      const [counters, coupons] = await Promise.all([
        db(TABLE)
          .whereIn('scope', [scopes.coupons, scopes.honeypot])
          .select('scope', 'subject', 'total') as Promise<
          { scope: string; subject: string; total: unknown }[]
        >,
        db(COUPONS)
          .whereNotNull('campaign_document_id')
          .groupBy('campaign_document_id')
          .select('campaign_document_id as subject')
          .count({ n: '*' }) as Promise<{ subject: string; n: unknown }[]>,
      ]);
      const byCampaign = new Map<string, CampaignStock>();
      const entry = (campaignDocumentId: string) => {
        const found = byCampaign.get(campaignDocumentId) ?? {
          campaignDocumentId,
          couponsWritten: 0,
          honeypotHits: 0,
        };
        byCampaign.set(campaignDocumentId, found);
        return found;
      };
      for (const row of coupons) entry(row.subject).couponsWritten = Number(row.n);
      for (const row of counters) {
        if (row.scope === scopes.coupons) entry(row.subject).couponsWritten = Number(row.total);
        else entry(row.subject).honeypotHits = Number(row.total);
      }
      return [...byCampaign.values()];
    },
  };
};

export default service;
