/**
 * The test-coupon modal's checks, run before any request. The server checks again (the phone number
 * strictly, with libphonenumber-js and the plugin's default country).
 */

export type Channel = 'email' | 'sms';

export interface TestCouponDraft {
  /** The exit screen's index as the select holds it ('' when none is chosen). */
  exitScreen: string;
  channel: Channel;
  email: string;
  phone: string;
}

export type TestCouponError =
  'screenRequired' | 'emailRequired' | 'emailInvalid' | 'phoneRequired' | 'phoneInvalid';

export interface TestCouponErrors {
  exitScreen?: TestCouponError;
  email?: TestCouponError;
  phone?: TestCouponError;
}

// The HTML5 email syntax, as the server checks it.
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** A plausible phone number: an optional +, then 6 to 15 digits once spaces, dashes, dots and brackets are dropped. */
export const looksLikePhone = (text: string) => /^\+?\d{6,15}$/.test(text.replace(/[\s().-]/g, ''));

export const looksLikeEmail = (text: string) => text.length <= 254 && EMAIL_RE.test(text);

/** Every problem of the draft; an empty object when it can be sent. */
export const validateTestCoupon = (draft: TestCouponDraft): TestCouponErrors => {
  const errors: TestCouponErrors = {};
  if (draft.exitScreen === '' || !/^\d+$/.test(draft.exitScreen))
    errors.exitScreen = 'screenRequired';
  if (draft.channel === 'email') {
    const email = draft.email.trim();
    if (email === '') errors.email = 'emailRequired';
    else if (!looksLikeEmail(email)) errors.email = 'emailInvalid';
  } else {
    const phone = draft.phone.trim();
    if (phone === '') errors.phone = 'phoneRequired';
    else if (!looksLikePhone(phone)) errors.phone = 'phoneInvalid';
  }
  return errors;
};

export const hasErrors = (errors: TestCouponErrors) => Object.keys(errors).length > 0;

/** The request body for a valid draft: the exit screen and exactly one of email / phone. */
export const toRequest = (draft: TestCouponDraft) => ({
  exitScreenIndex: Number(draft.exitScreen),
  ...(draft.channel === 'email' ? { email: draft.email.trim() } : { phone: draft.phone.trim() }),
});

/** Text of an HTML fragment (the preview's titles are HTML with escaped values). */
export const htmlToText = (html: string) => {
  if (typeof DOMParser === 'undefined') return html.replace(/<[^>]*>/g, '');
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
};
