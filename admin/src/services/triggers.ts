import type {
  EntryCoupon,
  Trigger,
  TriggerContentType,
  TriggerInput,
  TriggerOption,
} from '../../../shared/contracts/triggers';
import { crudEndpoints, listOf, listQuery } from './crudEndpoints';
import { clearonApi } from './api';

export type {
  EntryCoupon,
  Trigger,
  TriggerChannel,
  TriggerCondition,
  TriggerContentType,
  TriggerEvent,
  TriggerInput,
  TriggerMapping,
  TriggerOption,
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

const BASE = '/clearon/triggers';
const TAG = 'ClearonTrigger';

/** `…/entry-coupons?uid=…&documentId=…&locale=…`, encoded. */
export const entryCouponsUrl = ({ uid, documentId, locale }: EntryRef) => {
  const search = new URLSearchParams({ uid, documentId });
  if (locale) search.set('locale', locale);
  return `${BASE}/entry-coupons?${search.toString()}`;
};

export const toEntryCouponsAnswer = (body: {
  data?: EntryCoupon[];
  meta?: { hasTriggers?: boolean };
}): EntryCouponsAnswer => ({
  coupons: listOf(body),
  hasTriggers: body?.meta?.hasTriggers === true,
});

/** The admin routes of the coupon triggers (server/src/routes/triggers.ts); ids are keys. */
const triggersApi = clearonApi.injectEndpoints({
  endpoints: (builder) => {
    const crud = crudEndpoints<Trigger, TriggerInput, TriggerInput>(builder, BASE, TAG);
    return {
      getTriggers: crud.list,
      /** Keys and names only, for readers of the coupons (`coupons.read`). */
      getTriggerOptions: listQuery<TriggerOption>(builder, '/clearon/trigger-options', TAG),
      /** The app's own collection types (`api::…`) and their scalar fields. */
      getTriggerContentTypes: builder.query<TriggerContentType[], void>({
        query: () => `${BASE}/content-types`,
        transformResponse: listOf<TriggerContentType>,
      }),
      /** The coupons of one entry (they change as its coupons are issued or retried). */
      getEntryCoupons: builder.query<EntryCouponsAnswer, EntryRef>({
        query: entryCouponsUrl,
        transformResponse: toEntryCouponsAnswer,
        providesTags: ['ClearonCoupon'],
      }),
      createTrigger: crud.create,
      /** The key and the content type cannot change (the server refuses a new content type). */
      updateTrigger: crud.update,
      /** A 409 when the trigger is declared in the plugin config. */
      deleteTrigger: crud.remove,
    };
  },
});

/** The Coupon triggers page's list and writes, for useSettingsCrud. */
export const triggerCrud = {
  useList: triggersApi.useGetTriggersQuery,
  useCreate: triggersApi.useCreateTriggerMutation,
  useUpdate: triggersApi.useUpdateTriggerMutation,
  useRemove: triggersApi.useDeleteTriggerMutation,
};

export const {
  useGetTriggerOptionsQuery,
  useGetTriggerContentTypesQuery,
  useGetEntryCouponsQuery,
} = triggersApi;
