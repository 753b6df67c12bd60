import { Readable } from 'stream';
import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { sendError } from '../utils/error-response';

const PARSED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The most a body sent to the public routes may hold. */
export const PUBLIC_BODY_LIMIT = 64 * 1024;

/**
 * Reads a body up to `limit` bytes; `null` as soon as it holds more (what came beyond is not kept:
 * Node discards the rest of the request once the answer is sent).
 */
const readCapped = (req: IncomingMessage, limit: number) =>
  new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAborted = () => onError(new Error('request aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });

const tooLarge = (ctx: Context) => {
  ctx.set('Connection', 'close');
  sendError(ctx, 413, `The body must be at most ${PUBLIC_BODY_LIMIT} bytes`);
};

const unsupported = (ctx: Context, message: string) => sendError(ctx, 415, message);

/**
 * Guards the plugin's public routes (`/api/clearon/...`) before Strapi's body parser
 * (`strapi::body`, koa-body with formidable) reads anything: a multipart body is refused (415,
 * never written to disk), so is a compressed one, and a body over 64 KiB is refused (413) without
 * buffering more than 64 KiB, whether it announces its Content-Length or comes chunked. It is
 * installed with `strapi.server.use()` in the plugin's register(), so it runs ahead of the app's
 * middlewares; its answers therefore carry no CORS headers, which a page sending JSON never meets.
 */
export const publicBodyGuard = (strapi: Core.Strapi) => {
  const prefix = `${strapi.config.get('api.rest.prefix', '/api')}/clearon/`;

  return async (ctx: Context, next: Next) => {
    // The methods whose body strapi::body parses (koa-body's default parsedMethods).
    if (!ctx.path.startsWith(prefix) || !PARSED_METHODS.has(ctx.method)) return next();
    const { headers } = ctx.req;
    const declared = headers['content-length'];
    const chunked = headers['transfer-encoding'] !== undefined;
    if (!chunked && (declared === undefined || declared === '0')) return next();

    const type = (headers['content-type'] ?? '').trim().toLowerCase();
    if (type.startsWith('multipart/')) {
      return unsupported(ctx, 'Multipart bodies are not accepted: send application/json');
    }
    const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity') {
      return unsupported(ctx, 'Compressed bodies are not accepted: send uncompressed JSON');
    }
    if (!chunked) {
      return Number(declared) > PUBLIC_BODY_LIMIT ? tooLarge(ctx) : next();
    }

    // Chunked: no length to check up front. Read at most the cap, then let the body parser read
    // those bytes as if they had come with a Content-Length.
    const body = await readCapped(ctx.req, PUBLIC_BODY_LIMIT);
    if (body === null) return tooLarge(ctx);
    const replay = Object.assign(Readable.from([body], { objectMode: false }), {
      headers: { ...headers, 'content-length': String(body.length) },
    });
    delete replay.headers['transfer-encoding'];
    const original = ctx.req;
    // A request stream in the parser's eyes: it reads the body and the headers, nothing else.
    ctx.req = replay as IncomingMessage;
    try {
      return await next();
    } finally {
      ctx.req = original;
    }
  };
};
