import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';
import { allowed } from './allowed';

const read = { policies: allowed(ACTION.settingsRead) };
const write = { policies: allowed(ACTION.settingsUpdate) };

/** Admin routes (under /clearon): ClearOn integrations, settings.read to read, settings.update to write. */
const routes = [
  {
    method: 'GET',
    path: '/integration-options',
    handler: 'integrations.options',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
  { method: 'GET', path: '/integrations', handler: 'integrations.find', config: read },
  { method: 'GET', path: '/integrations/:id', handler: 'integrations.findOne', config: read },
  { method: 'POST', path: '/integrations', handler: 'integrations.create', config: write },
  { method: 'PUT', path: '/integrations/:id', handler: 'integrations.update', config: write },
  { method: 'DELETE', path: '/integrations/:id', handler: 'integrations.delete', config: write },
  { method: 'POST', path: '/integrations/:id/test', handler: 'integrations.test', config: write },
] satisfies Core.RouteInput[];

export default routes;
