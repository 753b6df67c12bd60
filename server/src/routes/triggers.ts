import { ACTION } from '../permissions';
import { adminRoute } from './admin-route';

const { settingsRead, settingsUpdate, couponsRead } = ACTION;

/** Admin routes (under /clearon): coupon triggers, and the coupons of one entry. */
export default [
  adminRoute('GET', '/triggers', 'triggers.find', settingsRead),
  adminRoute('GET', '/trigger-options', 'triggers.options', couponsRead),
  adminRoute('GET', '/triggers/content-types', 'triggers.contentTypes', settingsRead),
  adminRoute('GET', '/triggers/entry-coupons', 'triggers.entryCoupons', couponsRead),
  adminRoute('POST', '/triggers', 'triggers.create', settingsUpdate),
  adminRoute('POST', '/triggers/sweep', 'triggers.sweep', settingsUpdate),
  adminRoute('PUT', '/triggers/:key', 'triggers.update', settingsUpdate),
  adminRoute('DELETE', '/triggers/:key', 'triggers.delete', settingsUpdate),
];
