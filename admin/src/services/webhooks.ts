import type {
  WebhookEvent,
  WebhookSubscription,
  WebhookSubscriptionBody,
} from '../../../shared/contracts/webhooks';
import { itemUrl, listQuery, writeMutation } from './crudEndpoints';
import { clearonApi } from './api';

export type { WebhookEvent, WebhookSubscription } from '../../../shared/contracts/webhooks';
export { WEBHOOK_EVENT_LIST } from '../../../shared/contracts/webhooks';

const TAG = 'ClearonWebhook';

/** Settings → ClearOn → Webhooks: the app's Strapi webhooks and the ClearOn events they get. */
const webhooksApi = clearonApi.injectEndpoints({
  endpoints: (builder) => ({
    getWebhooks: listQuery<WebhookSubscription>(builder, '/clearon/webhooks', TAG),
    subscribeWebhook: writeMutation<WebhookSubscription, { id: string; events: WebhookEvent[] }>(
      builder,
      TAG,
      ({ id, events }) => ({
        url: itemUrl('/clearon/webhooks', id),
        method: 'PUT',
        data: { events } satisfies WebhookSubscriptionBody,
      })
    ),
  }),
});

export const { useGetWebhooksQuery, useSubscribeWebhookMutation } = webhooksApi;
