import type { Core, Modules } from '@strapi/strapi';
import {
  isWebhookEvent,
  type WebhookEvent,
  type WebhookSubscription,
} from '../../../shared/contracts/webhooks';

type Webhook = Modules.WebhookStore.Webhook;
type Store = Modules.WebhookStore.WebhookStore;
/** The runner's public part, as Strapi's admin webhooks controller uses it. */
type Runner = { update(webhook: Webhook): void };

/** Scheme, host and path: a token in the query or the user info stays with Strapi's own page. */
const displayUrl = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '';
  }
};

const toSubscription = (webhook: Webhook): WebhookSubscription => {
  const events = Array.isArray(webhook.events) ? webhook.events : [];
  return {
    id: String(webhook.id),
    name: webhook.name,
    url: displayUrl(webhook.url),
    isEnabled: webhook.isEnabled === true,
    events: events.filter(isWebhookEvent),
    otherEvents: events.filter((event) => !isWebhookEvent(event)),
  };
};

/**
 * The app's Strapi webhooks as Settings → ClearOn → Webhooks shows them, and their subscription
 * to the plugin's events: read and written through Strapi's webhook store, then the runner is
 * refreshed as Strapi's own admin does after an update.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.get('webhookStore') as Store;

  return {
    async list(): Promise<WebhookSubscription[]> {
      const webhooks = await store().findWebhooks();
      return webhooks
        .map(toSubscription)
        .sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
    },

    /** Sets the plugin events of a webhook (its other events are kept); null: no such webhook. */
    async subscribe(id: string, events: WebhookEvent[]): Promise<WebhookSubscription | null> {
      const webhook = await store().findWebhook(id);
      if (!webhook) return null;
      const others = (Array.isArray(webhook.events) ? webhook.events : []).filter(
        (event) => !isWebhookEvent(event)
      );
      const updated = await store().updateWebhook(id, {
        ...webhook,
        events: [...others, ...new Set(events)],
      });
      if (!updated) return null;
      (strapi.get('webhookRunner') as Runner).update(updated);
      return toSubscription(updated);
    },
  };
};

export default service;
