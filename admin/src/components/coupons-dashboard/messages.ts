import { message as m } from '../../utils/getTranslation';

/** Every text of the coupons dashboard; the translations live in admin/src/translations/*.json. */
export const messages = {
  title: m('dashboard.title', 'ClearOn coupons'),
  subtitle: m(
    'dashboard.subtitle',
    'Every coupon issued to participants: follow them, retry the failed ones, export them'
  ),

  countsLabel: m('dashboard.counts.label', 'Coupons by status'),
  stockLabel: m('dashboard.stock.label', 'Coupon stock and blocked bots, per campaign'),
  stockCampaign: m('dashboard.stock.campaign', 'Campaign'),
  stockIssued: m('dashboard.stock.issued', 'Coupons / cap'),
  stockBots: m('dashboard.stock.bots', 'Blocked bot submissions'),
  stockNoCap: m('dashboard.stock.noCap', '{written} (no cap)'),
  stockOfCap: m('dashboard.stock.ofCap', '{written} / {cap}'),
  stockLow: m('dashboard.stock.low', 'Low stock: {left} left'),
  stockOut: m('dashboard.stock.out', 'No coupons left'),
  statusPending: m('dashboard.status.pending', 'Pending'),
  statusIssued: m('dashboard.status.issued', 'Issued'),
  statusFailed: m('dashboard.status.failed', 'Failed'),
  statusDead: m('dashboard.status.dead', 'Dead'),
  statusPendingHint: m('dashboard.status.pending.hint', 'Being issued; retried automatically'),
  statusIssuedHint: m('dashboard.status.issued.hint', 'Created by ClearOn'),
  statusFailedHint: m(
    'dashboard.status.failed.hint',
    'Refused by ClearOn: fix the cause, then retry'
  ),
  statusDeadHint: m('dashboard.status.dead.hint', 'ClearOn stayed unreachable after every retry'),

  filtersLabel: m('dashboard.filters.label', 'Filters'),
  filterCampaign: m('dashboard.filter.campaign', 'Campaign'),
  filterCampaignAll: m('dashboard.filter.campaign.all', 'All campaigns'),
  filterTrigger: m('dashboard.filter.trigger', 'Coupon trigger'),
  filterTriggerAll: m('dashboard.filter.trigger.all', 'All triggers'),
  filterStatus: m('dashboard.filter.status', 'Status'),
  filterStatusAll: m('dashboard.filter.status.all', 'All statuses'),
  filterFrom: m('dashboard.filter.from', 'Created from'),
  filterTo: m('dashboard.filter.to', 'Created until'),
  filterClearDate: m('dashboard.filter.clearDate', 'Clear the date'),
  filterReset: m('dashboard.filter.reset', 'Clear the filters'),

  retryAll: m('dashboard.action.retryAll', 'Retry all failed'),
  retryAllTitle: m('dashboard.retryAll.title', 'Retry the failed coupons?'),
  retryAllBody: m(
    'dashboard.retryAll.body',
    '{count, plural, one {# failed or dead coupon matching the filters goes} other {# failed or dead coupons matching the filters go}} back to the queue. Each participant still gets exactly one coupon.'
  ),
  retryAllConfirm: m('dashboard.retryAll.confirm', 'Retry them'),
  cancel: m('dashboard.action.cancel', 'Cancel'),
  retry: m('dashboard.action.retry', 'Retry'),
  retryLabel: m('dashboard.action.retry.label', 'Retry the coupon {reference}'),
  retried: m(
    'dashboard.retry.done',
    '{count, plural, =0 {No coupon needed a retry} one {# coupon is being retried} other {# coupons are being retried}}'
  ),
  retryError: m('dashboard.retry.error', 'The retry failed: {message}'),
  exportCsv: m('dashboard.action.export', 'Export CSV'),
  exportError: m('dashboard.export.error', 'The export failed: {message}'),

  tableLabel: m('dashboard.table.label', 'Coupons, newest first'),
  columnCreated: m('dashboard.column.created', 'Created'),
  columnCampaign: m('dashboard.column.campaign', 'Campaign'),
  columnStatus: m('dashboard.column.status', 'Status'),
  columnDelivery: m('dashboard.column.delivery', 'Delivery'),
  columnRecipient: m('dashboard.column.recipient', 'Recipient'),
  columnAttempts: m('dashboard.column.attempts', 'Attempts'),
  columnError: m('dashboard.column.error', 'Last error'),
  columnIssued: m('dashboard.column.issued', 'Issued / expires'),
  columnActions: m('dashboard.column.actions', 'Actions'),
  deliveryAutomatic: m('dashboard.delivery.automatic', 'Automatic'),
  deliveryButton: m('dashboard.delivery.button', 'Button'),
  channelEmail: m('dashboard.channel.email', 'Email'),
  channelSms: m('dashboard.channel.sms', 'SMS'),
  channelNone: m('dashboard.channel.none', 'Exit screen only'),
  none: m('dashboard.none', '–'),
  triggerSource: m('dashboard.source.trigger', 'Trigger: {name}'),
  expires: m('dashboard.expires', 'Expires {date}'),
  nextAttempt: m('dashboard.nextAttempt', 'Next try {date}'),

  loading: m('dashboard.loading', 'Loading the coupons…'),
  loadError: m('dashboard.loadError', 'The coupons could not be loaded.'),
  tryAgain: m('dashboard.tryAgain', 'Try again'),
  empty: m('dashboard.empty', 'No coupon has been issued yet'),
  emptyFiltered: m('dashboard.empty.filtered', 'No coupon matches these filters'),
  autoRefresh: m(
    'dashboard.autoRefresh',
    'Some coupons are pending: this page refreshes every 5 seconds'
  ),
  total: m('dashboard.total', '{total, plural, one {# coupon} other {# coupons}}'),
  paginationPrevious: m('dashboard.pagination.previous', 'Go to the previous page'),
  paginationNext: m('dashboard.pagination.next', 'Go to the next page'),
  paginationPage: m('dashboard.pagination.page', 'Go to page {page}'),

  errorRedirect: m(
    'dashboard.error.redirect',
    "ClearOn's address redirects elsewhere: check the integration's endpoint"
  ),
  errorInvalidRequest: m('dashboard.error.invalid_request', 'ClearOn refused the request'),
  errorUnauthorized: m(
    'dashboard.error.unauthorized',
    "ClearOn refused the API key: check the integration's key"
  ),
  errorUnexpectedResponse: m(
    'dashboard.error.unexpected_response',
    "ClearOn's answer was not understood: check the integration's endpoint"
  ),
  errorUnknownCoupon: m(
    'dashboard.error.unknown_coupon',
    'ClearOn does not know this coupon code: check it on the exit screen'
  ),
  errorTimeout: m('dashboard.error.timeout', 'ClearOn did not answer in time'),
  errorReferenceConflict: m(
    'dashboard.error.reference_conflict',
    'ClearOn already issued a coupon for this participation, with other settings'
  ),
  errorInvalidRecipient: m(
    'dashboard.error.invalid_recipient',
    "ClearOn refused the participant's email address or phone number"
  ),
  errorRateLimited: m('dashboard.error.rate_limited', 'ClearOn asked the plugin to slow down'),
  errorServerError: m('dashboard.error.server_error', 'ClearOn had a server error'),
  errorUnreachable: m('dashboard.error.unreachable', 'ClearOn could not be reached'),
  errorKeyUnreadable: m(
    'dashboard.error.key_unreadable',
    "The integration's API key cannot be read: enter it again"
  ),
  errorNoIntegration: m('dashboard.error.no_integration', 'No ClearOn integration is configured'),
  errorIntegrationMissing: m(
    'dashboard.error.integration_missing',
    'The integration chosen for this coupon no longer exists; a retry issues it through the default integration'
  ),
  errorIntegrationDisabled: m(
    'dashboard.error.integration_disabled',
    'The ClearOn integration is disabled'
  ),
  errorBlockedAddress: m(
    'dashboard.error.blocked_address',
    "The ClearOn endpoint's address is private or reserved: allowed only with the plugin option allowPrivateHosts"
  ),
  errorInternal: m('dashboard.error.internal', 'An internal error stopped the issuing'),
  errorErased: m('dashboard.error.erased', "The participant's data was erased"),
  statusNeedsAttention: m('dashboard.status.needs_attention', 'Needs attention'),
  statusNeedsAttentionHint: m(
    'dashboard.status.needs_attention.hint',
    'ClearOn answered without a complete coupon: check it at ClearOn, then retry'
  ),
  errorCircuitOpen: m(
    'dashboard.error.circuit_open',
    'ClearOn is unreachable: waiting for it to answer again'
  ),
  errorIncompleteAnswer: m(
    'dashboard.error.incomplete_answer',
    'ClearOn answered without a complete coupon'
  ),
  circuitLabel: m('dashboard.circuit.label', 'ClearOn integrations that do not answer'),
  circuitOpen: m(
    'dashboard.circuit.open',
    '{name}: ClearOn unreachable since {date}, next try at {time}'
  ),
  circuitHide: m('dashboard.circuit.hide', 'Hide'),
  circuitHint: m(
    'dashboard.circuit.hint',
    'Its coupons stay pending and are issued as soon as ClearOn answers again.'
  ),
} as const;

export type Message = (typeof messages)[keyof typeof messages];
