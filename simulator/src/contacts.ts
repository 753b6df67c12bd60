/** A syntactically valid email address: something@domain.tld, no spaces. */
export const isEmail = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);

/** An E.164 phone number: +, country code, up to 15 digits in all. */
export const isE164 = (value: unknown): value is string =>
  typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value);
