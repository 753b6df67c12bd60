import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { ClearonTarget, IssueCouponInput } from '../../server/src/clearon';
import { createNetworkGuard } from '../../server/src/utils/network-guard';

export const API_KEY = 'sk_live_Zq8w3Secret';
export const EMAIL = 'ada.lovelace@example.se';
export const PHONE = '+46701234567';

/** The network guard of these tests: the simulator and the tiny servers listen on loopback. */
export const loopbackAllowed = createNetworkGuard({ allowPrivateHosts: true });

let counter = 0;
/** A reference no other test uses. */
export const uniqueReference = () => `cl_test_${process.pid}_${Date.now()}_${(counter += 1)}`;

export const targetFor = (
  endpoint: string,
  overrides: Partial<ClearonTarget> = {}
): ClearonTarget => ({
  endpoint,
  authHeaderName: 'Authorization',
  apiKey: API_KEY,
  timeoutMs: 2_000,
  ...overrides,
});

export const issueInput = (overrides: Partial<IssueCouponInput> = {}): IssueCouponInput => ({
  couponCode: 'SUMMER10',
  validityDays: 30,
  delivery: 'email',
  recipient: { email: EMAIL, phone: PHONE, firstName: 'Ada' },
  reference: uniqueReference(),
  campaign: { id: 'k3j2abc', name: 'Summer quiz' },
  ...overrides,
});

export interface TinyServer {
  url: string;
  hits: number;
  close(): Promise<void>;
}

/** A one-purpose HTTP server for answers the simulator never gives (redirects, huge bodies, ...). */
export const startTinyServer = async (
  handle: (req: IncomingMessage, res: ServerResponse) => void
): Promise<TinyServer> => {
  const tiny: TinyServer = { url: '', hits: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    tiny.hits += 1;
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tiny.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tiny.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return tiny;
};

/** A port nothing listens on: bound, read, and released again. */
export const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

/** Asserts that a reason shows none of the test's secrets or a URL. */
export const expectNoSecrets = (reason: string) => {
  expect(reason).not.toContain(API_KEY);
  expect(reason).not.toContain(EMAIL);
  expect(reason).not.toContain(PHONE);
  expect(reason).not.toContain('701234567');
  expect(reason).not.toMatch(/https?:\/\//);
};
