import type { Core } from '@strapi/strapi';
import { ACTION } from '../permissions';
import { allowed } from './allowed';

const read = { policies: allowed(ACTION.settingsRead) };
const write = { policies: allowed(ACTION.settingsUpdate) };

/** Admin routes (under /clearon): coupon triggers, and the coupons of one entry. */
const routes: Core.RouteInput[] = [
  { method: 'GET', path: '/triggers', handler: 'triggers.find', config: read },
  {
    method: 'GET',
    path: '/trigger-options',
    handler: 'triggers.options',
    config: { policies: allowed(ACTION.couponsRead) },
  },
  {
    method: 'GET',
    path: '/triggers/content-types',
    handler: 'triggers.contentTypes',
    config: read,
  },
  {
    method: 'GET',
    path: '/triggers/entry-coupons',
    handler: 'triggers.entryCoupons',
    config: { policies: allowed(ACTION.couponsRead) },
  },
  { method: 'POST', path: '/triggers', handler: 'triggers.create', config: write },
  { method: 'POST', path: '/triggers/sweep', handler: 'triggers.sweep', config: write },
  { method: 'PUT', path: '/triggers/:key', handler: 'triggers.update', config: write },
  { method: 'DELETE', path: '/triggers/:key', handler: 'triggers.delete', config: write },
];

export default routes;
