import { message as m } from '../../utils/getTranslation';

/** Every text of the ClearOn settings pages; the translations live in admin/src/translations/*.json. */
export const messages = {
  // Settings menu
  section: m('settings.section', 'ClearOn'),

  // Shared
  cancel: m('settings.action.cancel', 'Cancel'),
  save: m('settings.action.save', 'Save'),
  create: m('settings.action.create', 'Create'),
  close: m('settings.action.close', 'Close'),
  delete: m('settings.action.delete', 'Delete'),
  retry: m('settings.action.retry', 'Try again'),
  actions: m('settings.column.actions', 'Actions'),
  yes: m('settings.yes', 'Yes'),
  no: m('settings.no', 'No'),
  loadError: m('settings.error.load', 'The list could not be loaded.'),
  genericError: m('settings.error.generic', 'Something went wrong. Try again.'),
  saveError: m('settings.error.save', 'This could not be saved'),
  deleteError: m('settings.error.delete', 'This could not be deleted'),
  readOnly: m(
    'settings.readOnly',
    'You can read these settings; changing them needs the "Update ClearOn settings" permission.'
  ),

  // Integrations: list
  columnName: m('settings.integrations.column.name', 'Name'),
  columnEndpoint: m('settings.integrations.column.endpoint', 'Endpoint'),
  columnEnabled: m('settings.integrations.column.enabled', 'Enabled'),
  columnLastCheck: m('settings.integrations.column.lastCheck', 'Last check'),
  defaultBadge: m('settings.integrations.default', 'Default'),
  enabledOn: m('settings.integrations.enabled.on', 'Enabled'),
  enabledOff: m('settings.integrations.enabled.off', 'Disabled'),
  enabledLabel: m('settings.integrations.enabled.label', '{name} enabled'),
  checkOk: m('settings.integrations.check.ok', 'Working'),
  checkFailing: m('settings.integrations.check.failing', 'Failing'),
  checkNever: m('settings.integrations.check.never', 'Not tested yet'),
  checkAt: m('settings.integrations.check.at', 'Checked {time}'),
  actionTestLabel: m('settings.integrations.action.test.label', 'Test the connection of {name}'),
  actionMakeDefaultLabel: m(
    'settings.integrations.action.makeDefault.label',
    'Make {name} the default integration'
  ),
  integrationMadeDefault: m(
    'settings.integrations.notification.madeDefault',
    '{name} is now the default integration'
  ),
  integrationEnabled: m('settings.integrations.notification.enabled', '{name} is enabled'),
  integrationDisabled: m(
    'settings.integrations.notification.disabled',
    '{name} is disabled: its coupons wait until it is enabled again'
  ),

  // Integrations: form
  fieldName: m('settings.integrations.field.name', 'Display name'),
  fieldNameHint: m(
    'settings.integrations.field.name.hint',
    'A name for you, e.g. the agency or the ClearOn account'
  ),
  fieldNameRequired: m('settings.integrations.field.name.required', 'Enter a display name'),
  fieldEndpoint: m('settings.integrations.field.endpoint', 'ClearOn endpoint'),
  fieldEndpointHint: m(
    'settings.integrations.field.endpoint.hint',
    "The URL of ClearOn's coupon API, starting with https://"
  ),
  fieldEndpointRequired: m(
    'settings.integrations.field.endpoint.required',
    'Enter the ClearOn endpoint'
  ),
  fieldAuthHeader: m('settings.integrations.field.authHeaderName', 'Authorization header name'),
  fieldAuthHeaderHint: m(
    'settings.integrations.field.authHeaderName.hint',
    'The HTTP header the API key is sent in; Authorization when left empty'
  ),
  fieldApiKey: m('settings.integrations.field.apiKey', 'API key'),
  fieldApiKeyHint: m(
    'settings.integrations.field.apiKey.hint',
    'Stored encrypted; it is never shown again'
  ),
  fieldApiKeySet: m('settings.integrations.field.apiKey.set', 'Key set — type to replace'),
  fieldApiKeyRequired: m('settings.integrations.field.apiKey.required', 'Enter the API key'),
  fieldTimeout: m('settings.integrations.field.timeoutMs', 'Timeout (milliseconds)'),
  fieldTimeoutHint: m(
    'settings.integrations.field.timeoutMs.hint',
    'How long to wait for ClearOn: from 500 to 30000; 5000 when left empty'
  ),
  fieldTimeoutInvalid: m(
    'settings.integrations.field.timeoutMs.invalid',
    'Enter a whole number from 500 to 30000'
  ),
  fieldEnabled: m('settings.integrations.field.enabled', 'Enabled'),
  fieldEnabledHint: m(
    'settings.integrations.field.enabled.hint',
    'A disabled integration issues no coupons; they wait until it is enabled again'
  ),
  fieldIsDefault: m('settings.integrations.field.isDefault', 'Use as the default integration'),

  // Integrations: delete

  // Integrations: test
  testTitle: m('settings.integrations.test.title', 'Test the connection of {name}'),
  testIntro: m(
    'settings.integrations.test.intro',
    'The plugin asks ClearOn about a coupon code with a test request: no coupon is issued.'
  ),
  testCouponCode: m('settings.integrations.test.couponCode', 'Coupon code'),
  testCouponCodeHint: m(
    'settings.integrations.test.couponCode.hint',
    "The offer id of a coupon set up in ClearOn's back-office"
  ),
  testCouponCodeRequired: m(
    'settings.integrations.test.couponCode.required',
    'Enter a coupon code'
  ),
  testRun: m('settings.integrations.test.run', 'Run the test'),
  testRunning: m('settings.integrations.test.running', 'Testing…'),
  testOkTitle: m('settings.integrations.test.ok.title', 'The connection works'),
  testFailedTitle: m('settings.integrations.test.failed.title', 'The test failed'),
  testOk: m(
    'settings.integrations.test.ok',
    'ClearOn accepted the API key and knows this coupon code.'
  ),
  testUnauthorized: m(
    'settings.integrations.test.unauthorized',
    'ClearOn refused the API key. Check the API key and the authorization header name.'
  ),
  testUnknownCoupon: m(
    'settings.integrations.test.unknownCoupon',
    "ClearOn was reached and accepted the API key, but it does not know this coupon code. Check the code in ClearOn's back-office."
  ),
  testUnreachable: m(
    'settings.integrations.test.unreachable',
    'ClearOn could not be reached at this endpoint, or did not answer in time. Check the endpoint and the timeout.'
  ),
  testError: m('settings.integrations.test.error', 'ClearOn did not accept the test request.'),
  testServerSays: m('settings.integrations.test.details', 'Details: {message}'),

  // Mapping variables: list
  columnLabel: m('settings.mappingVariables.column.label', 'Display label'),
  columnTechnicalName: m('settings.mappingVariables.column.technicalName', 'Technical name'),
  columnType: m('settings.mappingVariables.column.type', 'Type'),
  columnAvailable: m('settings.mappingVariables.column.availableInForms', 'Available in forms'),
  builtIn: m('settings.mappingVariables.builtIn', 'Built-in'),
  builtInHint: m(
    'settings.mappingVariables.builtIn.hint',
    'A CRM variable every form can use; it cannot be changed'
  ),
  builtInFirstname: m('settings.mappingVariables.builtIn.firstname', 'First name'),
  builtInLastname: m('settings.mappingVariables.builtIn.lastname', 'Last name'),
  builtInEmail: m('settings.mappingVariables.builtIn.email', 'Email'),
  builtInPhone: m('settings.mappingVariables.builtIn.phone', 'Phone'),
  typeAnswer: m('settings.mappingVariables.type.answer', 'Answer'),
  typeAnswerHint: m(
    'settings.mappingVariables.type.answer.hint',
    "The participant's selected answer"
  ),
  typeOptIn: m('settings.mappingVariables.type.optIn', 'Opt-in'),
  typeOptInHint: m(
    'settings.mappingVariables.type.optIn.hint',
    '1 when the participant opted in, 0 when not, empty when not asked'
  ),

  // Mapping variables: form
  fieldLabel: m('settings.mappingVariables.field.label', 'Display label'),
  fieldLabelHint: m(
    'settings.mappingVariables.field.label.hint',
    'Free text that editors see, e.g. Delivery type'
  ),
  fieldLabelRequired: m('settings.mappingVariables.field.label.required', 'Enter a display label'),
  fieldLabelTooLong: m(
    'settings.mappingVariables.field.label.tooLong',
    'The display label is at most 100 characters'
  ),
  fieldTechnicalName: m('settings.mappingVariables.field.technicalName', 'Technical name'),
  fieldTechnicalNameHint: m(
    'settings.mappingVariables.field.technicalName.hint',
    'Unique; a letter, then letters, digits or underscores, no spaces. E.g. deliveryType'
  ),
  fieldTechnicalNameLocked: m(
    'settings.mappingVariables.field.technicalName.locked',
    'The technical name is used by forms and exports; it cannot change after creation'
  ),
  fieldTechnicalNameRequired: m(
    'settings.mappingVariables.field.technicalName.required',
    'Enter a technical name'
  ),
  fieldTechnicalNameInvalid: m(
    'settings.mappingVariables.field.technicalName.invalid',
    'Start with a letter and use only letters, digits and underscores (no spaces)'
  ),
  fieldTechnicalNameTooLong: m(
    'settings.mappingVariables.field.technicalName.tooLong',
    'The technical name is at most 64 characters'
  ),
  fieldTechnicalNameBuiltIn: m(
    'settings.mappingVariables.field.technicalName.builtIn',
    '{name} is a built-in CRM variable; choose another name'
  ),
  fieldTechnicalNameTaken: m(
    'settings.mappingVariables.field.technicalName.taken',
    'The mapping variable {label} already uses this technical name (the case does not matter)'
  ),
  fieldType: m('settings.mappingVariables.field.type', 'Type'),
  fieldTypeLocked: m(
    'settings.mappingVariables.field.type.locked',
    'The type cannot change after creation'
  ),
  fieldAvailable: m('settings.mappingVariables.field.availableInForms', 'Available in forms'),
  fieldAvailableHint: m(
    'settings.mappingVariables.field.availableInForms.hint',
    'Editors can assign it to form fields'
  ),

  // Mapping variables: delete
  variableInUseTitle: m('settings.mappingVariables.delete.inUse', 'Campaign forms still use it'),

  // Bot checks (CAPTCHA providers)
  captchaSiteKey: m('settings.captcha.siteKey', 'Site key'),
  captchaSecret: m('settings.captcha.secret', 'Secret key'),
  captchaSecretHint: m('settings.captcha.secret.hint', 'Stored encrypted; never shown again'),
  captchaSecretKept: m(
    'settings.captcha.secret.kept',
    'A secret is stored (encrypted). Leave empty to keep it, or type a new one'
  ),
  captchaSave: m('settings.captcha.save', 'Save {name}'),
  captchaSaved: m('settings.captcha.saved', '{name} saved'),
};

export type SettingsMessage = (typeof messages)[keyof typeof messages];

/**
 * The texts of the Integrations page under the keys every settings list page uses
 * (see SettingsCrudPage; triggerMessages has them too).
 */
export const integrationTexts = {
  link: m('settings.integrations.link', 'Integrations'),
  title: m('settings.integrations.title', 'ClearOn integrations'),
  subtitle: m(
    'settings.integrations.subtitle',
    'The ClearOn accounts coupons are issued from: each has its own endpoint and API key.'
  ),
  create: m('settings.integrations.create', 'Configure an integration'),
  empty: m(
    'settings.integrations.empty',
    'No ClearOn integration is configured yet. Configure one to issue coupons.'
  ),
  createTitle: m('settings.integrations.modal.create', 'Configure a ClearOn integration'),
  editTitle: m('settings.integrations.modal.edit', 'Edit {name}'),
  editLabel: m('settings.integrations.action.edit.label', 'Edit {name}'),
  deleteLabel: m('settings.integrations.action.delete.label', 'Delete {name}'),
  deleteTitle: m('settings.integrations.delete.title', 'Delete the integration?'),
  deleteBody: m(
    'settings.integrations.delete.body',
    'Delete {name}? Its API key is deleted with it. Coupons already issued stay valid.'
  ),
  created: m('settings.integrations.notification.created', '{name} was created'),
  saved: m('settings.integrations.notification.saved', '{name} was saved'),
  deleted: m('settings.integrations.notification.deleted', '{name} was deleted'),
};

/** The texts of the Mapping variables page, under the same keys. */
export const variableTexts = {
  link: m('settings.mappingVariables.link', 'Mapping variables'),
  title: m('settings.mappingVariables.title', 'Mapping variables'),
  subtitle: m(
    'settings.mappingVariables.subtitle',
    'Variables that form fields feed, for exit-screen texts and exports. The CRM variables are built in.'
  ),
  create: m('settings.mappingVariables.create', 'Create a mapping variable'),
  empty: m(
    'settings.mappingVariables.empty',
    'No mapping variable yet besides the built-in CRM variables.'
  ),
  createTitle: m('settings.mappingVariables.modal.create', 'Create a mapping variable'),
  editTitle: m('settings.mappingVariables.modal.edit', 'Edit {name}'),
  editLabel: m('settings.mappingVariables.action.edit.label', 'Edit {name}'),
  deleteLabel: m('settings.mappingVariables.action.delete.label', 'Delete {name}'),
  deleteTitle: m('settings.mappingVariables.delete.title', 'Delete the mapping variable?'),
  deleteBody: m(
    'settings.mappingVariables.delete.body',
    'Delete {name}? Answers already collected keep their values.'
  ),
  created: m('settings.mappingVariables.notification.created', '{name} was created'),
  saved: m('settings.mappingVariables.notification.saved', '{name} was saved'),
  deleted: m('settings.mappingVariables.notification.deleted', '{name} was deleted'),
};

/** The texts of the Bot checks page's header. */
export const captchaTexts = {
  link: m('settings.captcha.link', 'Bot checks'),
  title: m('settings.captcha.title', 'Bot checks'),
  subtitle: m(
    'settings.captcha.subtitle',
    'The CAPTCHA providers a campaign may ask for, checked on the server before a participation is saved'
  ),
};
