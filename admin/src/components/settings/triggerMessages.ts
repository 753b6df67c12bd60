import { message as m } from '../../utils/getTranslation';

/** The texts of Settings → ClearOn → Coupon triggers (translations in admin/src/translations/*.json). */
export const triggerMessages = {
  link: m('settings.triggers.link', 'Coupon triggers'),
  title: m('settings.triggers.title', 'Coupon triggers'),
  subtitle: m(
    'settings.triggers.subtitle',
    "A ClearOn coupon for each entry of the app's own collection types, e.g. each sign-up."
  ),
  create: m('settings.triggers.create', 'Create a trigger'),
  empty: m(
    'settings.triggers.empty',
    'No coupon trigger yet. Create one to give a coupon to each new entry of a content type.'
  ),
  noContentTypes: m(
    'settings.triggers.noContentTypes',
    'The app has no collection type of its own (api::…) to put a trigger on.'
  ),

  columnName: m('settings.triggers.column.name', 'Name'),
  columnKey: m('settings.triggers.column.key', 'Key'),
  columnContentType: m('settings.triggers.column.contentType', 'Content type'),
  columnEvent: m('settings.triggers.column.event', 'Event'),
  columnCouponCode: m('settings.triggers.column.couponCode', 'Coupon code'),
  columnDelivery: m('settings.triggers.column.delivery', 'Delivery'),
  columnEnabled: m('settings.triggers.column.enabled', 'Enabled'),
  configBadge: m('settings.triggers.config', 'Config'),
  configHint: m(
    'settings.triggers.config.hint',
    'Declared in the plugin config (config/plugins): change it there'
  ),
  eventCreate: m('settings.triggers.event.create', 'On create'),
  eventPublish: m('settings.triggers.event.publish', 'On publish'),
  deliveryAutomatic: m('settings.triggers.delivery.automatic', 'Automatic'),
  deliveryButton: m('settings.triggers.delivery.button', 'Button'),
  channelEmail: m('settings.triggers.channel.email', 'by email'),
  channelSms: m('settings.triggers.channel.sms', 'by SMS'),
  channelEntry: m('settings.triggers.channel.entry', "as the entry's field says"),
  enabledOn: m('settings.triggers.enabled.on', 'Enabled'),
  enabledOff: m('settings.triggers.enabled.off', 'Disabled'),
  editLabel: m('settings.triggers.action.edit.label', 'Edit {name}'),
  deleteLabel: m('settings.triggers.action.delete.label', 'Delete {name}'),
  created: m('settings.triggers.notification.created', '{name} was created'),
  saved: m('settings.triggers.notification.saved', '{name} was saved'),
  deleted: m('settings.triggers.notification.deleted', '{name} was deleted'),
  deleteTitle: m('settings.triggers.delete.title', 'Delete this trigger?'),
  deleteBody: m(
    'settings.triggers.delete.body',
    'New entries get no coupon from “{name}” any more. The coupons already written stay.'
  ),

  createTitle: m('settings.triggers.modal.create', 'Create a coupon trigger'),
  editTitle: m('settings.triggers.modal.edit', 'Edit {name}'),
  fieldKey: m('settings.triggers.field.key', 'Key'),
  fieldKeyHint: m(
    'settings.triggers.field.key.hint',
    'Lower-case letters, digits and dashes, starting with a letter; it cannot change later'
  ),
  fieldKeyLocked: m('settings.triggers.field.key.locked', 'The key cannot change'),
  fieldName: m('settings.triggers.field.name', 'Name'),
  fieldNameHint: m('settings.triggers.field.name.hint', 'Shown on the coupons dashboard'),
  fieldContentType: m('settings.triggers.field.contentType', 'Content type'),
  fieldContentTypeHint: m(
    'settings.triggers.field.contentType.hint',
    "One of the app's own collection types"
  ),
  fieldContentTypeLocked: m(
    'settings.triggers.field.contentType.locked',
    'The content type cannot change: make a new trigger'
  ),
  contentTypePlaceholder: m('settings.triggers.field.contentType.placeholder', 'Choose'),
  contentTypesLoadError: m(
    'settings.triggers.contentTypes.loadError',
    'The content types could not be loaded.'
  ),
  fieldEvent: m('settings.triggers.field.event', 'Event'),
  fieldEventHint: m(
    'settings.triggers.field.event.hint',
    'Publishing is offered for types with draft & publish'
  ),
  eventCreateOption: m('settings.triggers.field.event.create', 'When an entry is created'),
  eventPublishOption: m('settings.triggers.field.event.publish', 'When an entry is published'),
  fieldCouponCode: m('settings.triggers.field.couponCode', 'Coupon code'),
  fieldCouponCodeHint: m('settings.triggers.field.couponCode.hint', 'The offer id at ClearOn'),
  fieldValidity: m('settings.triggers.field.validityDays', 'Validity (days)'),
  fieldValidityHint: m('settings.triggers.field.validityDays.hint', 'From 1 to 3650 days'),
  fieldIntegration: m('settings.triggers.field.integration', 'Integration'),
  fieldDelivery: m('settings.triggers.field.delivery', 'Delivery'),
  deliveryAutomaticHint: m(
    'settings.triggers.field.delivery.automatic.hint',
    'ClearOn sends the coupon by email or SMS'
  ),
  deliveryButtonHint: m(
    'settings.triggers.field.delivery.button.hint',
    "Not sent: its code and redeem link show in the entry's side panel"
  ),
  fieldChannel: m('settings.triggers.field.channel', 'Channel'),
  channelEmailOption: m('settings.triggers.field.channel.email', 'Email'),
  channelSmsOption: m('settings.triggers.field.channel.sms', 'SMS'),
  channelEntryOption: m(
    'settings.triggers.field.channel.entry',
    "The entry's delivery type field (email or sms)"
  ),
  mappingTitle: m('settings.triggers.mapping.title', 'Entry fields'),
  mappingHint: m(
    'settings.triggers.mapping.hint',
    'Which field of the entry holds what. Only the fields of a fitting type are listed.'
  ),
  fieldEmail: m('settings.triggers.field.mapping.email', 'Email field'),
  fieldPhone: m('settings.triggers.field.mapping.phone', 'Phone field'),
  fieldFirstName: m('settings.triggers.field.mapping.firstName', 'First name field'),
  fieldDeliveryType: m('settings.triggers.field.mapping.deliveryType', 'Delivery type field'),
  mappingNone: m('settings.triggers.field.mapping.none', 'None'),
  fieldConditionField: m('settings.triggers.field.condition.field', 'Condition field'),
  fieldConditionFieldHint: m(
    'settings.triggers.field.condition.field.hint',
    'Only entries whose field has the value get a coupon (e.g. an opt-in ticked)'
  ),
  conditionNone: m('settings.triggers.field.condition.none', 'No condition: every entry'),
  fieldConditionValue: m('settings.triggers.field.condition.value', 'Condition value'),
  conditionTrue: m('settings.triggers.field.condition.true', 'Only when {field} is true'),
  fieldLimit: m('settings.triggers.field.limit', 'Participation limit'),
  fieldLimitHint: m(
    'settings.triggers.field.limit.hint',
    'How many coupons one email address or phone number may get from this trigger'
  ),
  limitOnce: m('settings.triggers.field.limit.once', 'Once'),
  limitPeriod: m('settings.triggers.field.limit.oncePerPeriod', 'Once per period'),
  limitUnlimited: m('settings.triggers.field.limit.unlimited', 'Unlimited'),
  fieldPeriod: m('settings.triggers.field.limitPeriodHours', 'Period (hours)'),
  fieldEnabled: m('settings.triggers.field.enabled', 'Enabled'),
  fieldEnabledHint: m(
    'settings.triggers.field.enabled.hint',
    'A disabled trigger gives no coupon to new entries'
  ),

  keyRequired: m('settings.triggers.error.keyRequired', 'Enter a key'),
  keyInvalid: m(
    'settings.triggers.error.keyInvalid',
    '2 to 40 lower-case letters, digits or dashes, starting with a letter'
  ),
  nameRequired: m('settings.triggers.error.nameRequired', 'Enter a name'),
  nameTooLong: m('settings.triggers.error.nameTooLong', 'At most 120 characters'),
  contentTypeRequired: m('settings.triggers.error.contentTypeRequired', 'Choose a content type'),
  couponCodeRequired: m('settings.triggers.error.couponCodeRequired', 'Enter the coupon code'),
  couponCodeTooLong: m('settings.triggers.error.couponCodeTooLong', 'At most 64 characters'),
  validityInvalid: m(
    'settings.triggers.error.validityInvalid',
    'A whole number of days from 1 to 3650'
  ),
  periodInvalid: m(
    'settings.triggers.error.periodInvalid',
    'A whole number of hours from 1 to 8760'
  ),
  contactRequired: m(
    'settings.triggers.error.contactRequired',
    'An Automatic coupon is sent: choose an email or a phone field'
  ),
  emailRequired: m(
    'settings.triggers.error.emailRequired',
    'The channel is email: choose an email field'
  ),
  phoneRequired: m(
    'settings.triggers.error.phoneRequired',
    'The channel is SMS: choose a phone field'
  ),
  conditionValueInvalid: m(
    'settings.triggers.error.conditionValueInvalid',
    'Enter the value the field must have'
  ),
};
