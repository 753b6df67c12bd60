import { message as m } from '../../utils/getTranslation';

/** Every text of the campaign tools (side panel, test-coupon modal, preview page). */
export const messages = {
  panelTitle: m('campaignTools.panel.title', 'ClearOn'),
  preview: m('campaignTools.preview', 'Preview'),
  previewLabel: m('campaignTools.preview.label', 'Preview the campaign (opens a new tab)'),
  sendTest: m('campaignTools.test.open', 'Send a test coupon'),
  savedVersion: m(
    'campaignTools.panel.savedVersion',
    'The preview and the test coupon use the saved {status, select, published {published version} other {draft}}.'
  ),
  saveFirst: m(
    'campaignTools.panel.saveFirst',
    'Save the campaign to preview it and send a test coupon.'
  ),

  testTitle: m('campaignTools.test.title', 'Send a test coupon'),
  testIntro: m(
    'campaignTools.test.intro',
    'ClearOn issues one real coupon with the exit screen’s settings and sends it to you. Nothing is recorded in the campaign’s participations or coupons.'
  ),
  screen: m('campaignTools.test.screen.label', 'Exit screen'),
  screenHint: m('campaignTools.test.screen.hint', 'Only exit screens with a coupon are listed'),
  screenOption: m(
    'campaignTools.test.screen.option',
    '{title}: {code} ({delivery, select, automatic {Automatic} other {Button}})'
  ),
  screenUntitled: m('campaignTools.test.screen.untitled', 'Exit screen {number}'),
  screenRequired: m('campaignTools.test.screen.error.required', 'Choose an exit screen'),
  screenInvalid: m(
    'campaignTools.test.screen.error.invalid',
    'This exit screen has no coupon any more: reload and choose another one'
  ),
  noScreens: m(
    'campaignTools.test.noScreens',
    'No exit screen of the saved campaign has a coupon: insert a ClearOn coupon on an exit screen and save first.'
  ),
  loading: m('campaignTools.loading', 'Loading…'),
  loadError: m('campaignTools.loadError', 'The campaign could not be loaded.'),
  channel: m('campaignTools.test.channel.label', 'Send it by'),
  channelEmail: m('campaignTools.test.channel.email', 'Email'),
  channelSms: m('campaignTools.test.channel.sms', 'SMS'),
  email: m('campaignTools.test.email.label', 'Email address'),
  emailRequired: m('campaignTools.test.email.error.required', 'Enter the email address'),
  emailInvalid: m('campaignTools.test.email.error.invalid', 'Enter a valid email address'),
  phone: m('campaignTools.test.phone.label', 'Phone number'),
  phoneHint: m(
    'campaignTools.test.phone.hint',
    'International format (e.g. +46701234567) or a national number of the plugin’s default country'
  ),
  phoneRequired: m('campaignTools.test.phone.error.required', 'Enter the phone number'),
  phoneInvalid: m('campaignTools.test.phone.error.invalid', 'Enter a valid phone number'),
  send: m('campaignTools.test.send', 'Send'),
  close: m('campaignTools.action.close', 'Close'),
  issuedTitle: m('campaignTools.test.issued.title', 'Coupon issued'),
  failedTitle: m('campaignTools.test.failed.title', 'ClearOn did not issue the coupon'),
  errorTitle: m('campaignTools.test.error.title', 'The test coupon could not be sent'),
  issuedCode: m('campaignTools.test.issued.code', 'Code: {code}'),
  issuedLink: m('campaignTools.test.issued.link', 'Open the redeem page'),

  pageTitle: m('campaignTools.page.title', 'Preview: {title}'),
  pageSubtitle: m(
    'campaignTools.page.subtitle',
    'As participants see it, with sample values in the dynamic variables ({status, select, published {published version} other {draft}})'
  ),
  back: m('campaignTools.page.back', 'Back'),
  notFound: m(
    'campaignTools.page.notFound',
    'This campaign (or this version of it) does not exist.'
  ),
  formHeading: m('campaignTools.page.form', 'Form'),
  quizHeading: m('campaignTools.page.quiz', 'Questions'),
  noFields: m('campaignTools.page.noFields', 'This form has no fields.'),
  conditional: m('campaignTools.page.conditional', 'Shown when “{field}” is “{value}”'),
  submitSample: m('campaignTools.page.submit', 'Submit (disabled in the preview)'),
  exitScreensHeading: m('campaignTools.page.exitScreens', 'Exit screens'),
  noExitScreens: m('campaignTools.page.noExitScreens', 'This campaign has no exit screen.'),
  matchDefault: m('campaignTools.page.match.default', 'Default exit screen'),
  matchScoreRange: m('campaignTools.page.match.scoreRange', 'Score from {min} to {max}'),
  matchScoreMin: m('campaignTools.page.match.scoreMin', 'Score of {min} or more'),
  matchScoreMax: m('campaignTools.page.match.scoreMax', 'Score of {max} or less'),
  matchScoreAny: m('campaignTools.page.match.scoreAny', 'Any score'),
  matchProfile: m('campaignTools.page.match.profile', 'Profile “{profile}”'),
  samples: m(
    'campaignTools.page.samples',
    'Sample values: first name “Alex”, email alex@example.com, phone +46701234567; every other variable shows its own name, e.g. “{example}”.'
  ),
  notEligible: m(
    'campaignTools.page.notEligible',
    'Coupons cannot be issued for this campaign yet:'
  ),
  reasonMode: m('campaignTools.page.reason.mode', 'Set the campaign mode to Identified'),
  reasonContact: m('campaignTools.page.reason.contact', 'Add an email or phone field to the form'),
  couponNone: m('campaignTools.coupon.none', 'No coupon on this exit screen.'),
  couponButtonIntro: m('campaignTools.coupon.button.intro', 'Your coupon code:'),
  couponRedeem: m('campaignTools.coupon.button.redeem', 'Show my coupon'),
  couponValidUntil: m('campaignTools.coupon.button.validUntil', 'Valid until {date}.'),
  couponAutomatic: m(
    'campaignTools.coupon.automatic',
    'The coupon is generated and sent by ClearOn by email/SMS: the participant’s page does not show it.'
  ),
  couponSettings: m(
    'campaignTools.coupon.settings',
    'ClearOn coupon “{code}”, valid {days, plural, one {# day} other {# days}}, {delivery, select, automatic {Automatic} other {Button}} delivery'
  ),
  couponSample: m('campaignTools.coupon.sample', 'Sample coupon'),
} as const;
