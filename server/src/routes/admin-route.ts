import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';

type Action = string | { action: string; subject: string };

/** The policies of an admin route: a logged-in admin holding every one of `actions` (none: any). */
export const allowed = (...actions: Action[]) =>
  actions.length === 0
    ? ['admin::isAuthenticatedAdmin']
    : ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }];

/** An admin route (under /clearon) open to the admins that `allowed(...actions)` lets in. */
export const adminRoute = (
  method: Core.RouteInput['method'],
  path: string,
  handler: string,
  ...actions: Action[]
): Core.RouteInput => ({ method, path, handler, config: { policies: allowed(...actions) } });

/**
 * A settings list edited in the admin (`/<name>` and `/<name>/:id`): its options (names for
 * pickers) for any admin, settings.read to read it, settings.update to write it.
 */
export const settingsListRoutes = (name: string, optionsPath: string): Core.RouteInput[] => [
  adminRoute('GET', optionsPath, `${name}.options`),
  adminRoute('GET', `/${name}`, `${name}.find`, ACTION.settingsRead),
  adminRoute('GET', `/${name}/:id`, `${name}.findOne`, ACTION.settingsRead),
  adminRoute('POST', `/${name}`, `${name}.create`, ACTION.settingsUpdate),
  adminRoute('PUT', `/${name}/:id`, `${name}.update`, ACTION.settingsUpdate),
  adminRoute('DELETE', `/${name}/:id`, `${name}.delete`, ACTION.settingsUpdate),
];
