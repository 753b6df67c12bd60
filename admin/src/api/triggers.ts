import type { FetchClient } from '@strapi/strapi/admin';
import type {
  EntryCoupon,
  Trigger,
  TriggerContentType,
  TriggerInput,
  TriggerOption,
} from '../../../shared/contracts/triggers';

export type {
  EntryCoupon,
  Trigger,
  TriggerChannel,
  TriggerCondition,
  TriggerContentType,
  TriggerEvent,
  TriggerInput,
  TriggerMapping,
  TriggerParticipationLimit,
} from '../../../shared/contracts/triggers';
export {
  MAPPABLE_TYPES,
  TRIGGER_CHANNELS,
  TRIGGER_EVENTS,
  TRIGGER_KEY_PATTERN,
  TRIGGER_NAME_MAX,
  TRIGGER_PARTICIPATION_LIMITS,
} from '../../../shared/contracts/triggers';

/** `GET /clearon/triggers/entry-coupons`: the coupons of one entry, and whether its type has triggers. */
export interface EntryCouponsAnswer {
  coupons: EntryCoupon[];
  hasTriggers: boolean;
}

export interface EntryRef {
  uid: string;
  documentId: string;
  locale?: string | null;
}

type Client = Pick<FetchClient, 'get' | 'post' | 'put' | 'del'>;

const BASE = '/clearon/triggers';
const one = (key: string) => `${BASE}/${encodeURIComponent(key)}`;

/** The admin routes of the coupon triggers (server/src/routes/triggers.ts), typed. */
export const triggersApi = {
  async list(client: Pick<FetchClient, 'get'>): Promise<Trigger[]> {
    const { data } = await client.get<{ data: Trigger[] }>(BASE);
    return Array.isArray(data?.data) ? data.data : [];
  },

  /** Keys and names only, for readers of the coupons (`coupons.read`). */
  async options(client: Pick<FetchClient, 'get'>): Promise<TriggerOption[]> {
    const { data } = await client.get<{ data: TriggerOption[] }>('/clearon/trigger-options');
    return Array.isArray(data?.data) ? data.data : [];
  },

  /** The app's own collection types (`api::…`) and their scalar fields. */
  async contentTypes(client: Pick<FetchClient, 'get'>): Promise<TriggerContentType[]> {
    const { data } = await client.get<{ data: TriggerContentType[] }>(`${BASE}/content-types`);
    return Array.isArray(data?.data) ? data.data : [];
  },

  async create(client: Client, body: TriggerInput): Promise<Trigger> {
    const { data } = await client.post<{ data: Trigger }>(BASE, body);
    return data.data;
  },

  /** The key and the content type cannot change (the server refuses a new content type). */
  async update(client: Client, key: string, body: TriggerInput): Promise<Trigger> {
    const { data } = await client.put<{ data: Trigger }>(one(key), body);
    return data.data;
  },

  /** A 409 when the trigger is declared in the plugin config. */
  async remove(client: Client, key: string): Promise<void> {
    await client.del(one(key));
  },

  async entryCoupons(
    client: Pick<FetchClient, 'get'>,
    { uid, documentId, locale }: EntryRef
  ): Promise<EntryCouponsAnswer> {
    const search = new URLSearchParams({ uid, documentId });
    if (locale) search.set('locale', locale);
    const { data } = await client.get<{ data: EntryCoupon[]; meta?: { hasTriggers?: boolean } }>(
      `${BASE}/entry-coupons?${search.toString()}`
    );
    return {
      coupons: Array.isArray(data?.data) ? data.data : [],
      hasTriggers: data?.meta?.hasTriggers === true,
    };
  },
};
