import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getPluginConfig } from '../utils/get-plugin-config';
import { sendError } from '../utils/error-response';

/**
 * A fixed-window limit per client IP, in this process's memory. Behind a load balancer with
 * several instances each instance counts on its own: put a shared limiter (e.g. at the proxy) in
 * front. Set `proxy: true` in config/server so that ctx.ip is the client's, not the proxy's.
 */
export const rateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = Date.now();

  return async (ctx: Context, next: Next) => {
    const { enabled, max, windowMs } = getPluginConfig(strapi).rateLimit;
    if (!enabled) return next();
    const now = Date.now();
    if (now - lastSweep > windowMs) {
      for (const [ip, w] of windows) if (now - w.start >= windowMs) windows.delete(ip);
      lastSweep = now;
    }
    const key = ctx.ip;
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > max) {
      const retryAfter = Math.ceil((window.start + windowMs - now) / 1000);
      ctx.set('Retry-After', String(retryAfter));
      return sendError(
        ctx,
        429,
        'RateLimitError',
        `Too many participations from this address; retry in ${retryAfter} s`
      );
    }
    return next();
  };
};
