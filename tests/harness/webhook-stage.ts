import request from 'supertest';
import { authHeader } from './admin';
import type { WebhookReceiver } from './webhook-receiver';
import type { AppWithSimulator } from './with-simulator';

/**
 * What the webhook suites do against a booted app and a receiver: take part, read a
 * participation's reference, and subscribe a Strapi webhook (POST /admin/webhooks) to events.
 * Getters, because the app and the receiver start in the suite's beforeAll.
 */
export const webhookStage = (stage: () => AppWithSimulator, receiver: () => WebhookReceiver) => ({
  submit: (slug: string, answers: Record<string, unknown>) =>
    request(stage().app.server)
      .post(`/api/clearon/campaigns/${slug}/participations`)
      .send({ answers })
      .expect(201),

  referenceOf: async (documentId: string) =>
    (
      await stage()
        .app.strapi.db.query('plugin::clearon.participation')
        .findOne({ where: { documentId }, select: ['reference'] })
    ).reference as string,

  delivered: (path: string, event: string, reference: string) =>
    receiver().delivered(path, event, reference),

  createWebhook: (name: string, path: string, events: string[]) =>
    request(stage().app.server)
      .post('/admin/webhooks')
      .set(authHeader(stage().adminToken))
      .send({
        name,
        url: `${receiver().url}${path}`,
        headers: { 'X-Receiver-Token': 't0k' },
        events,
      }),
});
