import http from 'http';
import { Socket } from 'net';
import type { Core } from '@strapi/strapi';
import type { Context, Middleware } from 'koa';
import publicRoutes from '../routes/public';
import { limitRefusalAs409 } from '../middlewares/limit-refusal';
import { PLUGIN_ID } from '../utils/plugin-id';

/** One call of a public REST route, made on behalf of a GraphQL operation. */
export interface PublicRouteCall {
  /** The route's handler, as in routes/public.ts: `public-campaigns.participate`. */
  handler: string;
  /** The URL the REST client would have asked for (path and query string). */
  url: string;
  params: Record<string, string>;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

export interface PublicRouteOutcome {
  status: number;
  body: unknown;
  /** The answer's headers that matter to a GraphQL client (`retry-after`, `idempotent-replayed`). */
  header(name: string): string;
}

interface Chain {
  method: string;
  path: string;
  middlewares: Middleware[];
  action: Middleware;
}

/**
 * The route's own chain, behind what wraps it in REST (Strapi's error middleware, which answers a
 * thrown Strapi error, and the plugin's 409 for a limit refusal): its route middlewares
 * (database-unavailable, the per-IP rate limit) then its controller action, so that GraphQL shares
 * the REST route's validation, limits, errors and rate-limit counters. Built once per route, as
 * Strapi's router does.
 */
const buildChain = (strapi: Core.Strapi, handler: string): Chain => {
  const route = publicRoutes.find((candidate) => candidate.handler === handler);
  if (!route || typeof route.handler !== 'string') {
    throw new Error(`[clearon] no public route with the handler ${handler}`);
  }
  const [controllerName, actionName] = route.handler.split('.');
  const action = strapi.controller(`plugin::${PLUGIN_ID}.${controllerName}`)[actionName];
  if (!action) throw new Error(`[clearon] no controller action ${handler}`);
  const named = (entry: unknown): Middleware[] => {
    if (typeof entry !== 'string') throw new Error(`[clearon] ${handler}: unnamed middleware`);
    const instance = strapi.middleware(entry)({}, { strapi });
    return instance ? [instance] : [];
  };
  const middlewares = [
    ...named('strapi::errors'),
    limitRefusalAs409(),
    ...(route.config?.middlewares ?? []).flatMap(named),
  ];
  return { method: route.method, path: route.path, middlewares, action };
};

/**
 * A Koa context of its own for the call (not the GraphQL request's: its status, body and headers
 * belong to Apollo), carrying the GraphQL request's client address for the rate limit and CAPTCHA.
 */
const detachedContext = (from: Context, chain: Chain, call: PublicRouteCall): Context => {
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  const req = new http.IncomingMessage(new Socket());
  req.method = chain.method;
  req.url = call.url;
  req.headers = { accept: 'application/json' };
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    req.headers[name.toLowerCase()] = value;
  }
  if (payload !== undefined) {
    req.headers['content-type'] = 'application/json';
    req.headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const ctx = from.app.createContext(req, new http.ServerResponse(req));
  ctx.request.ip = from.request.ip;
  ctx.params = call.params;
  if (call.body !== undefined) ctx.request.body = call.body;
  // What the database-unavailable middleware logs (a route pattern, never a URL).
  ctx.state.route = { path: `/graphql → ${chain.path}`, info: { type: 'content-api' } };
  return ctx;
};

/** Runs a public REST route for a GraphQL resolver and gives back its answer. */
export const createPublicRouteCaller = (strapi: Core.Strapi) => {
  const chains = new Map<string, Chain>();
  const chainFor = (handler: string) => {
    let chain = chains.get(handler);
    if (!chain) {
      chain = buildChain(strapi, handler);
      chains.set(handler, chain);
    }
    return chain;
  };

  return async (from: Context, call: PublicRouteCall): Promise<PublicRouteOutcome> => {
    const chain = chainFor(call.handler);
    const ctx = detachedContext(from, chain, call);
    const run = async (index: number): Promise<void> => {
      const step = chain.middlewares[index] ?? chain.action;
      await step(ctx, () =>
        index < chain.middlewares.length ? run(index + 1) : Promise.resolve()
      );
    };
    await run(0);
    return {
      status: ctx.status,
      body: ctx.body,
      header: (name) => ctx.response.get(name),
    };
  };
};

export type PublicRouteCaller = ReturnType<typeof createPublicRouteCaller>;
