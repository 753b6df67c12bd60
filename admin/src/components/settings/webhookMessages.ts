import type { WebhookEvent } from '../../../../shared/contracts/webhooks';
import { message as m } from '../../utils/getTranslation';

/** The texts of Settings → ClearOn → Webhooks (translations in admin/src/translations/*.json). */
export const webhookMessages = {
  link: m('settings.webhooks.link', 'Webhooks'),
  title: m('settings.webhooks.title', 'Webhooks'),
  subtitle: m(
    'settings.webhooks.subtitle',
    "Send ClearOn events to the app's webhooks. Strapi delivers them with its own headers."
  ),
  manage: m('settings.webhooks.manage', 'Manage webhooks'),
  empty: m(
    'settings.webhooks.empty',
    'No webhook yet. Create one in Settings → Webhooks, then choose its ClearOn events here.'
  ),
  columnName: m('settings.webhooks.column.name', 'Name'),
  columnUrl: m('settings.webhooks.column.url', 'URL'),
  columnEvents: m('settings.webhooks.column.events', 'ClearOn events'),
  enabled: m('settings.webhooks.enabled', 'Enabled'),
  disabled: m('settings.webhooks.disabled', 'Disabled'),
  otherEvents: m(
    'settings.webhooks.otherEvents',
    '{count, plural, one {# other event} other {# other events}}'
  ),
  eventLabel: m('settings.webhooks.event.label', '{event} ({name})'),
  saved: m('settings.webhooks.saved', '{name}: ClearOn events saved'),
};

export const eventMessages: Record<WebhookEvent, { id: string; defaultMessage: string }> = {
  'clearon.participation.created': m(
    'settings.webhooks.event.participationCreated',
    'Participation created'
  ),
  'clearon.coupon.issued': m('settings.webhooks.event.couponIssued', 'Coupon issued'),
  'clearon.coupon.failed': m('settings.webhooks.event.couponFailed', 'Coupon failed'),
  'clearon.coupon.dead': m('settings.webhooks.event.couponDead', 'Coupon dead'),
};
