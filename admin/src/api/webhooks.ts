import type { FetchClient } from '@strapi/strapi/admin';
import type {
  WebhookEvent,
  WebhookSubscription,
  WebhookSubscriptionBody,
} from '../../../shared/contracts/webhooks';

export type { WebhookEvent, WebhookSubscription } from '../../../shared/contracts/webhooks';
export { WEBHOOK_EVENT_LIST } from '../../../shared/contracts/webhooks';

type Client = Pick<FetchClient, 'get' | 'put'>;

/** Settings → ClearOn → Webhooks: the app's Strapi webhooks and the ClearOn events they get. */
export const webhooksApi = {
  async list(client: Client): Promise<WebhookSubscription[]> {
    const { data } = await client.get<{ data: WebhookSubscription[] }>('/clearon/webhooks');
    return data.data;
  },
  async subscribe(client: Client, id: string, events: WebhookEvent[]) {
    const body: WebhookSubscriptionBody = { events };
    const { data } = await client.put<{ data: WebhookSubscription }>(
      `/clearon/webhooks/${encodeURIComponent(id)}`,
      body
    );
    return data.data;
  },
};
