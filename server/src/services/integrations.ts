import type { Core } from '@strapi/strapi';
import type { IntegrationCreateInput, IntegrationUpdateInput } from '../validation/integration';
import { getService } from '../utils/get-service';
import { UID } from '../utils/plugin-id';
import { fieldError } from '../validation/toolkit';
import { InUseError } from './in-use-error';
import { pluginDocuments } from '../utils/plugin-documents';
import type { CheckStatus, IntegrationView } from '../../../shared/contracts/integrations';

/** A row of plugin::clearon.integration as the database returns it (server-internal). */
export interface IntegrationEntity {
  id: number;
  documentId: string;
  name: string;
  endpoint: string;
  authHeaderName: string | null;
  apiKeyCiphertext: string | null;
  timeoutMs: number | null;
  enabled: boolean | null;
  isDefault: boolean | null;
  lastCheckStatus: CheckStatus | null;
  lastCheckAt: string | Date | null;
  lastCheckMessage: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
}

/** What the ClearOn client needs to call an integration; server-internal (holds the key). */
export interface ResolvedTarget {
  documentId: string;
  name: string;
  endpoint: string;
  authHeaderName: string;
  apiKey: string;
  timeoutMs: number;
  enabled: boolean;
}

/** Deleting an integration that pending coupons still wait on. */
export class IntegrationInUseError extends InUseError {
  constructor(
    public readonly pendingCoupons: number,
    name: string
  ) {
    super(
      `The ClearOn integration "${name}" still has ${pendingCoupons} pending coupon(s) to issue; ` +
        'delete it once they are issued or failed (or disable it instead).',
      { pendingCoupons }
    );
    this.name = 'IntegrationInUseError';
  }
}

export const DEFAULT_AUTH_HEADER = 'Authorization';
export const DEFAULT_TIMEOUT_MS = 5000;
const MESSAGE_MAX = 500;

/** A boolean column, whatever the database returns for it (true/false, 1/0, null). */
const flag = (value: unknown, fallback: boolean) => (value == null ? fallback : Boolean(value));

const iso = (value: string | Date | null | undefined) =>
  value == null ? null : new Date(value).toISOString();

/** The admin's view of an integration; the key is reduced to `apiKeySet`. */
export const toView = (entity: IntegrationEntity): IntegrationView => ({
  id: entity.documentId,
  name: entity.name,
  endpoint: entity.endpoint,
  authHeaderName: entity.authHeaderName || DEFAULT_AUTH_HEADER,
  timeoutMs: entity.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  enabled: flag(entity.enabled, true),
  isDefault: flag(entity.isDefault, false),
  apiKeySet: Boolean(entity.apiKeyCiphertext),
  lastCheck: entity.lastCheckStatus
    ? {
        status: entity.lastCheckStatus,
        at: iso(entity.lastCheckAt),
        message: entity.lastCheckMessage ?? null,
      }
    : null,
  createdAt: iso(entity.createdAt) as string,
  updatedAt: iso(entity.updatedAt) as string,
});

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.integration);
  const documents = () => pluginDocuments<IntegrationEntity>(strapi, 'integration');
  const box = () => getService(strapi, 'secret-box');

  const findEntity = async (documentId: string) =>
    typeof documentId === 'string' && documentId
      ? ((await query().findOne({ where: { documentId } })) as IntegrationEntity | null)
      : null;

  /** The view of one just written (in this request, so it is there). */
  const storedView = async (documentId: string) =>
    toView((await findEntity(documentId)) as IntegrationEntity);

  const clearOtherDefaults = (documentId: string) =>
    query().updateMany({
      where: { isDefault: true, documentId: { $ne: documentId } },
      data: { isDefault: false },
    });

  const setDefaultFlag = (documentId: string) =>
    query().updateMany({ where: { documentId }, data: { isDefault: true } });

  /** The oldest integration other than `except`, enabled ones first. */
  const successor = async (except: string) => {
    const rows = (await query().findMany({
      where: { documentId: { $ne: except } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: ['documentId', 'enabled'],
    })) as Array<{ documentId: string; enabled: boolean | null }>;
    return rows.find((row) => flag(row.enabled, true)) ?? rows[0] ?? null;
  };

  const findDefault = async () =>
    ((await query().findOne({
      where: { isDefault: true },
      orderBy: [{ id: 'asc' }],
    })) as IntegrationEntity | null) ??
    ((await query().findOne({ orderBy: [{ id: 'asc' }] })) as IntegrationEntity | null);

  return {
    toView,

    async list(): Promise<IntegrationView[]> {
      const rows = (await query().findMany({
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as IntegrationEntity[];
      return rows.map(toView);
    },

    async get(documentId: string): Promise<IntegrationView | null> {
      const entity = await findEntity(documentId);
      return entity ? toView(entity) : null;
    },

    /** Creates an integration; the first one, or one created with isDefault, becomes the default. */
    async create(input: IntegrationCreateInput): Promise<IntegrationView> {
      const apiKeyCiphertext = box().encrypt(input.apiKey);
      const documentId = await strapi.db.transaction(async () => {
        const hasDefault = (await query().count({ where: { isDefault: true } })) > 0;
        const isDefault = input.isDefault === true || !hasDefault;
        const { documentId: created } = await documents().create({
          data: {
            name: input.name,
            endpoint: input.endpoint,
            authHeaderName: input.authHeaderName ?? DEFAULT_AUTH_HEADER,
            apiKeyCiphertext,
            timeoutMs: input.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            enabled: input.enabled ?? true,
            isDefault,
          },
        });
        if (isDefault) await clearOtherDefaults(created);
        return created;
      });
      return storedView(documentId);
    },

    /**
     * Updates the fields given. No apiKey (or '' / null) keeps the stored key. isDefault: true
     * moves the default here; isDefault: false on the default is refused (make another the default).
     */
    async update(
      documentId: string,
      input: IntegrationUpdateInput
    ): Promise<IntegrationView | null> {
      const apiKeyCiphertext = input.apiKey ? box().encrypt(input.apiKey) : undefined;
      const found = await strapi.db.transaction(async () => {
        const existing = await findEntity(documentId);
        if (!existing) return false;
        if (input.isDefault === false && flag(existing.isDefault, false)) {
          throw fieldError(
            'isDefault',
            `isDefault cannot be turned off on "${existing.name}", the default integration: ` +
              'make another integration the default instead'
          );
        }
        const data: Record<string, unknown> = {};
        for (const key of ['name', 'endpoint', 'authHeaderName', 'timeoutMs', 'enabled'] as const) {
          if (input[key] !== undefined) data[key] = input[key];
        }
        if (apiKeyCiphertext) data.apiKeyCiphertext = apiKeyCiphertext;
        if (input.isDefault === true) data.isDefault = true;
        // The connection changed: the last check no longer says anything about it.
        const connectionChanged =
          Boolean(apiKeyCiphertext) ||
          (data.endpoint !== undefined && data.endpoint !== existing.endpoint) ||
          (data.authHeaderName !== undefined && data.authHeaderName !== existing.authHeaderName);
        if (connectionChanged) {
          Object.assign(data, { lastCheckStatus: null, lastCheckAt: null, lastCheckMessage: null });
        }
        await documents().update({ documentId, data });
        if (input.isDefault === true) await clearOtherDefaults(documentId);
        return true;
      });
      return found ? storedView(documentId) : null;
    },

    /**
     * Deletes an integration (returns its last view, or null when unknown). Refused while pending
     * coupons wait on it. When it was the default, the oldest remaining one (enabled first) becomes
     * the default.
     */
    async delete(documentId: string): Promise<IntegrationView | null> {
      return strapi.db.transaction(async () => {
        const existing = await findEntity(documentId);
        if (!existing) return null;
        const pending = await strapi.db.query(UID.coupon).count({
          where: { integration: { documentId }, status: 'pending' },
        });
        if (pending > 0) throw new IntegrationInUseError(pending, existing.name);
        await documents().delete({ documentId });
        if (flag(existing.isDefault, false)) {
          const next = await successor(documentId);
          if (next) await setDefaultFlag(next.documentId);
        }
        return toView(existing);
      });
    },

    /**
     * The integration to call, with its decrypted key: `documentId`, or the default one when null.
     * Null when there is no such integration. Throws a SecretBoxError when the key cannot be decrypted.
     */
    async resolveTarget(documentId: string | null): Promise<ResolvedTarget | null> {
      const entity = documentId === null ? await findDefault() : await findEntity(documentId);
      if (!entity) return null;
      return {
        documentId: entity.documentId,
        name: entity.name,
        endpoint: entity.endpoint,
        authHeaderName: entity.authHeaderName || DEFAULT_AUTH_HEADER,
        apiKey: entity.apiKeyCiphertext ? box().decrypt(entity.apiKeyCiphertext) : '',
        timeoutMs: entity.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        enabled: flag(entity.enabled, true),
      };
    },

    /** Records the outcome of a connection check (Test connection, or an `unauthorized` answer). */
    async recordCheck(documentId: string, status: CheckStatus, message: string): Promise<void> {
      await query().updateMany({
        where: { documentId },
        data: {
          lastCheckStatus: status,
          lastCheckAt: new Date(),
          lastCheckMessage: message.slice(0, MESSAGE_MAX),
        },
      });
    },
  };
};

export default service;
