import type { Core } from '@strapi/strapi';

const AVAILABLE = 'plugin::clearon.database-unavailable';
// Two budgets per client address (config `rateLimit.post` and `rateLimit.get`).
const LIMIT_POST = 'plugin::clearon.rate-limit';
const LIMIT_GET = 'plugin::clearon.rate-limit-get';

/** A public route: no authentication, a 503 while the database is down, then `middlewares`. */
const publicRoute = (
  method: Core.RouteInput['method'],
  path: string,
  handler: string,
  ...middlewares: string[]
): Core.RouteInput => ({
  method,
  path,
  handler,
  config: { auth: false, policies: [], middlewares: [AVAILABLE, ...middlewares] },
});

const routes: Core.RouteInput[] = [
  publicRoute('GET', '/health', 'health.check'),
  publicRoute('GET', '/campaigns', 'public-campaigns.find', LIMIT_GET),
  publicRoute('GET', '/campaigns/:slug', 'public-campaigns.findOne', LIMIT_GET),
  publicRoute(
    'POST',
    '/campaigns/:slug/participations',
    'public-campaigns.participate',
    LIMIT_POST
  ),
  publicRoute('GET', '/participations/:id', 'public-campaigns.participation', LIMIT_GET),
];

export default routes;
