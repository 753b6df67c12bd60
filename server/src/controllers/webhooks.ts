import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '../utils/errors';
import {
  isWebhookEvent,
  WEBHOOK_EVENT_LIST,
  type WebhookEvent,
} from '../../../shared/contracts/webhooks';
import { getService } from '../utils/get-service';

type Problem = { path: string[]; message: string };

const invalid = (problems: Problem[]) =>
  new errors.ValidationError(problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; '), {
    errors: problems.map((p) => ({ ...p, name: 'ValidationError' })),
  });

/** `{ events: [...] }`, each one of the plugin's events. */
const readEvents = (body: unknown): WebhookEvent[] => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid([{ path: ['body'], message: 'must be an object {events}' }]);
  }
  const problems: Problem[] = Object.keys(body)
    .filter((key) => key !== 'events')
    .map((key) => ({ path: [key], message: 'is not allowed' }));
  const { events } = body as { events?: unknown };
  if (!Array.isArray(events)) {
    problems.push({ path: ['events'], message: 'must be an array of event names' });
  } else {
    events.forEach((event, i) => {
      if (!isWebhookEvent(event)) {
        problems.push({
          path: ['events', String(i)],
          message: `must be one of ${WEBHOOK_EVENT_LIST.join(', ')}`,
        });
      }
    });
  }
  if (problems.length > 0) throw invalid(problems);
  return events as WebhookEvent[];
};

/** Settings → ClearOn → Webhooks: the app's Strapi webhooks and the plugin events they get. */
const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'webhook-subscriptions').list(),
      meta: { events: WEBHOOK_EVENT_LIST },
    };
  },

  async update(ctx: Context) {
    const events = readEvents(ctx.request.body);
    const id = String(ctx.params.id ?? '');
    const updated = /^\d{1,12}$/.test(id)
      ? await getService(strapi, 'webhook-subscriptions').subscribe(id, events)
      : null;
    if (!updated) throw new errors.NotFoundError(`No webhook has the id "${id.slice(0, 64)}"`);
    ctx.body = { data: updated };
  },
});

export default controller;
