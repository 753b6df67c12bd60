import { message as m } from '../../utils/getTranslation';

/** Every text of the coupon editor; the translations live in admin/src/translations/*.json. */
export const messages = {
  insert: m('coupon.insert', 'Insert a ClearOn coupon'),
  unavailable: m('coupon.unavailable', 'To insert a coupon:'),
  blocked: m('coupon.blocked', 'This coupon cannot be saved yet:'),
  reasonMode: m('coupon.reason.mode', 'Set the campaign mode to Identified'),
  reasonContact: m('coupon.reason.contact', 'Add an email or phone field to the form'),

  cardTitle: m('coupon.card.title', 'ClearOn coupon'),
  code: m('coupon.code.label', 'Coupon code'),
  codeHint: m('coupon.code.hint', "The offer id set up in ClearOn's back-office"),
  codeRequired: m('coupon.code.error.required', 'Enter the coupon code'),
  codeTooLong: m('coupon.code.error.tooLong', 'The coupon code is at most 64 characters'),
  validity: m('coupon.validity.label', 'Validity in days'),
  validityHint: m('coupon.validity.hint', 'A whole number of days, from 1 to 3650'),
  validityRequired: m('coupon.validity.error.required', 'Enter the validity in days'),
  validityNotWhole: m(
    'coupon.validity.error.notWholeNumber',
    'The validity must be a whole number of days'
  ),
  validityRange: m('coupon.validity.error.outOfRange', 'The validity must be from 1 to 3650 days'),
  validityValue: m('coupon.validity.value', '{days, plural, one {# day} other {# days}}'),
  delivery: m('coupon.delivery.label', 'Delivery'),
  deliveryAutomatic: m('coupon.delivery.automatic', 'Automatic'),
  deliveryAutomaticHint: m(
    'coupon.delivery.automatic.hint',
    'ClearOn sends the coupon by email or SMS'
  ),
  deliveryButton: m('coupon.delivery.button', 'Button'),
  deliveryButtonHint: m(
    'coupon.delivery.button.hint',
    'The exit screen shows the redeem link; ClearOn also sends the coupon when the participant chose email or SMS'
  ),
  automaticAlert: m(
    'coupon.delivery.automatic.alert',
    'The coupon is generated and sent by ClearOn by email/SMS. It cannot be previewed on the exit screen.'
  ),
  integration: m('coupon.integration.label', 'ClearOn integration'),
  integrationDefault: m('coupon.integration.default', 'Default integration'),
  integrationDefaultNamed: m('coupon.integration.default.named', 'Default integration ({name})'),
  integrationIsDefault: m('coupon.integration.isDefault', '{name} (default)'),
  integrationDisabledOption: m('coupon.integration.disabled', '{name} (disabled)'),
  integrationUnknown: m('coupon.integration.unknown', 'Unknown integration'),
  integrationDisabledWarning: m(
    'coupon.integration.disabled.warning',
    'This integration is disabled: no coupon is issued until it is enabled again.'
  ),
  integrationNone: m(
    'coupon.integration.none',
    'No ClearOn integration is configured yet. Add one before the campaign goes live.'
  ),
  integrationLoadError: m(
    'coupon.integration.loadError',
    'The ClearOn integrations could not be loaded.'
  ),
  loading: m('coupon.loading', 'Loading…'),
  modalInsertTitle: m('coupon.modal.title.insert', 'Insert a ClearOn coupon'),
  modalEditTitle: m('coupon.modal.title.edit', 'Edit the ClearOn coupon'),
  editNote: m(
    'coupon.modal.editNote',
    'Later participations use the new settings; coupons already issued stay as they are.'
  ),
  close: m('coupon.action.close', 'Close'),
  cancel: m('coupon.action.cancel', 'Cancel'),
  insertAction: m('coupon.action.insert', 'Insert'),
  save: m('coupon.action.save', 'Save'),
  edit: m('coupon.action.edit', 'Edit'),
  editLabel: m('coupon.action.edit.label', 'Edit the coupon {code}'),
  delete: m('coupon.action.delete', 'Delete'),
  deleteLabel: m('coupon.action.delete.label', 'Delete the coupon {code}'),
  deleteTitle: m('coupon.delete.title', 'Delete the coupon?'),
  deleteBody: m(
    'coupon.delete.body',
    'Participants who reach this exit screen from now on get no coupon. Coupons already issued stay valid.'
  ),
} as const;
