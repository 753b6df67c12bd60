import { message as m } from '../../utils/getTranslation';

/** The texts of the "ClearOn coupon" side panel of an entry (translations in admin/src/translations). */
export const messages = {
  title: m('entryCoupons.title', 'ClearOn coupon'),
  none: m(
    'entryCoupons.none',
    'This entry has no coupon yet. It gets one when a coupon trigger fires for it (on create or publish, if its condition holds).'
  ),
  loadError: m('entryCoupons.loadError', 'The coupon could not be loaded.'),
  tryAgain: m('entryCoupons.tryAgain', 'Try again'),
  trigger: m('entryCoupons.trigger', 'Trigger: {name}'),
  recipient: m('entryCoupons.recipient', 'Recipient: {value}'),
  code: m('entryCoupons.code', 'Code: {code}'),
  redeem: m('entryCoupons.redeem', 'Open the redeem page'),
  created: m('entryCoupons.created', 'Written {date}'),
  retry: m('entryCoupons.retry', 'Retry'),
  retried: m('entryCoupons.retried', 'The coupon is back in the queue'),
  retryError: m('entryCoupons.retryError', 'The retry failed: {message}'),
};
