import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';
import { allowed } from './allowed';

const read = { policies: allowed(ACTION.settingsRead) };
const write = { policies: allowed(ACTION.settingsUpdate) };

/**
 * Admin routes (under /clearon): mapping variables, settings.read to read, settings.update to write;
 * the options (technical names and labels of those available in forms) for any admin.
 */
const routes = [
  {
    method: 'GET',
    path: '/mapping-variable-options',
    handler: 'mapping-variables.options',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
  { method: 'GET', path: '/mapping-variables', handler: 'mapping-variables.find', config: read },
  {
    method: 'GET',
    path: '/mapping-variables/:id',
    handler: 'mapping-variables.findOne',
    config: read,
  },
  {
    method: 'POST',
    path: '/mapping-variables',
    handler: 'mapping-variables.create',
    config: write,
  },
  {
    method: 'PUT',
    path: '/mapping-variables/:id',
    handler: 'mapping-variables.update',
    config: write,
  },
  {
    method: 'DELETE',
    path: '/mapping-variables/:id',
    handler: 'mapping-variables.delete',
    config: write,
  },
] satisfies Core.RouteInput[];

export default routes;
