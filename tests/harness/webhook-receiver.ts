import { createServer, type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';
import type {
  CouponWebhookPayload,
  ParticipationWebhookPayload,
} from '../../shared/contracts/webhooks';
import { waitFor } from './wait';

/** What Strapi's webhook runner POSTed to the receiver. */
export interface Delivery {
  /** The path and query the webhook's URL named. */
  path: string;
  headers: IncomingHttpHeaders;
  body: {
    event: string;
    createdAt: string;
    coupon?: CouponWebhookPayload;
    participation?: ParticipationWebhookPayload;
  };
  /** The body as sent, to look for what must not be in it. */
  raw: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`: a webhook's URL is this plus a path. */
  url: string;
  deliveries: Delivery[];
  /** The delivery of `event` to `path` about this reference, once it has arrived. */
  delivered(path: string, event: string, reference: string): Promise<Delivery>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (random port) that records every POST and answers 200. */
export const startWebhookReceiver = async (): Promise<WebhookReceiver> => {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      deliveries.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw), raw });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deliveries,
    delivered: (path, event, reference) =>
      waitFor(async () =>
        deliveries.find(
          (d) =>
            d.path === path &&
            d.body.event === event &&
            (d.body.coupon ?? d.body.participation)?.reference === reference
        )
      ),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
};
