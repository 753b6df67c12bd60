import http from 'http';

/**
 * A small keep-alive JSON client for load against a real port (child Strapi): no supertest, no
 * fetch; one Agent per client so that benchmarks and fault tests control their connections.
 */
export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  /** Wall time of the exchange, in milliseconds (high resolution). */
  ms: number;
  headers: http.IncomingHttpHeaders;
}

export const createJsonClient = (baseUrl: string, maxSockets = 50) => {
  // Idle sockets are closed here before the server's keep-alive timeout (5 s) closes them: a request
  // written on a socket the server is closing at that moment would fail with "socket hang up".
  const agent = new http.Agent({ keepAlive: true, maxSockets, timeout: 4_000 });
  const base = new URL(baseUrl);

  const send = <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    retried = false
  ): Promise<JsonResponse<T>> =>
    new Promise<JsonResponse<T>>((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method,
          path,
          headers: {
            Accept: 'application/json',
            ...(payload
              ? { 'Content-Type': 'application/json', 'Content-Length': payload.length }
              : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as T, ms, headers: res.headers });
          });
          res.on('error', reject);
        }
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // The server closed a kept-alive socket as this request went out on it (Node's documented
        // race): the request never reached it, so it is sent again once, on a new socket.
        if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) {
          send<T>(method, path, body, headers, true).then(resolve, reject);
        } else reject(error);
      });
      req.end(payload);
    });

  return {
    post: <T = unknown>(path: string, body: unknown, headers?: Record<string, string>) =>
      send<T>('POST', path, body, headers),
    get: <T = unknown>(path: string, headers?: Record<string, string>) =>
      send<T>('GET', path, undefined, headers),
    close: () => agent.destroy(),
  };
};

export type JsonClient = ReturnType<typeof createJsonClient>;

/** Runs `task(i)` for i in [0, count) with at most `concurrency` at a time; results in order. */
export const runPool = async <T>(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<T>
): Promise<T[]> => {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
};
