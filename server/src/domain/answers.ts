import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Campaign, Channel, FormField } from './campaign';
import { DELIVERY_TYPE_VARIABLE } from './campaign';

export interface FieldError {
  path: string[];
  message: string;
}

export interface ValidatedAnswers {
  answers: Record<string, string | boolean>;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  deliveryType: 'email' | 'sms' | null;
}

export type AnswersResult =
  { ok: true; value: ValidatedAnswers } | { ok: false; errors: FieldError[] };

const MAX_TEXT = 500;
const MAX_EMAIL = 254;
// The HTML5 email syntax: what browsers accept in <input type=email>.
export const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

// A NUL character, or a UTF-16 surrogate without its pair.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A checkbox answers true/false; its "show when" value is written "true" or "false". */
const asShowWhenValue = (value: unknown) => (typeof value === 'boolean' ? String(value) : value);

const isVisible = (field: FormField, values: Record<string, unknown>) =>
  !field.showWhenField || asShowWhenValue(values[field.showWhenField]) === field.showWhenValue;

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

interface FieldCheck {
  value?: string | boolean;
  error?: string;
}

const checkField = (field: FormField, raw: unknown, defaultCountry: CountryCode): FieldCheck => {
  if (field.type === 'checkbox') {
    if (typeof raw !== 'boolean') return { error: 'must be true or false' };
    if (field.required && raw !== true) return { error: 'must be checked' };
    return { value: raw };
  }
  if (typeof raw !== 'string') return { error: 'must be a string' };
  // PostgreSQL cannot store NUL, and PostgreSQL and MySQL refuse unpaired surrogates (a 500).
  if (raw.includes('\u0000') || UNPAIRED_SURROGATE.test(raw))
    return { error: 'must not contain NUL characters or invalid Unicode' };
  const text = raw.trim();
  switch (field.type) {
    case 'email': {
      if (text.length > MAX_EMAIL) return { error: `must be at most ${MAX_EMAIL} characters` };
      if (!EMAIL_RE.test(text)) return { error: 'must be a valid email address' };
      return { value: text.toLowerCase() };
    }
    case 'phone': {
      if (text.length > 32) return { error: 'must be at most 32 characters' };
      const phone = parsePhoneNumberFromString(text, defaultCountry);
      if (!phone || !phone.isValid()) return { error: 'must be a valid phone number' };
      return { value: phone.number };
    }
    case 'choice': {
      const values = (field.options ?? []).map((option) => option.value);
      if (!values.includes(text)) return { error: `must be one of: ${values.join(', ')}` };
      return { value: text };
    }
    default: {
      if (text.length > MAX_TEXT) return { error: `must be at most ${MAX_TEXT} characters` };
      return { value: text };
    }
  }
};

const pickChannel = (value: unknown): 'email' | 'sms' | null =>
  value === 'email' || value === 'sms' ? value : null;

/**
 * Validates a participant's answers against the published form and quiz: unknown keys, required
 * fields, syntax, choice values; hidden fields take their fixed value; fields hidden by their
 * condition are ignored. Phone numbers come out in E.164.
 */
export const validateAnswers = (
  campaign: Campaign,
  input: unknown,
  options: { defaultCountry: string }
): AnswersResult => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: ['answers'], message: 'answers must be an object' }] };
  }
  const raw = input as Record<string, unknown>;
  const fields = campaign.fields ?? [];
  const questions = campaign.format === 'form' ? [] : (campaign.questions ?? []);
  const known = new Set([...fields.map((f) => f.key), ...questions.map((q) => q.key)]);
  const errors: FieldError[] = [];
  const answers: Record<string, string | boolean> = {};

  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      errors.push({ path: ['answers', key], message: 'is not a field of this campaign' });
  }

  for (const field of fields) {
    if (field.type === 'hidden') answers[field.key] = field.hiddenValue ?? '';
  }

  // Conditions refer to other fields' values: evaluate them against the participant's input.
  for (const field of fields) {
    if (field.type === 'hidden') continue;
    const value = raw[field.key];
    if (!isVisible(field, { ...raw, ...answers })) continue;
    if (isBlank(value)) {
      if (field.required) errors.push({ path: ['answers', field.key], message: 'is required' });
      continue;
    }
    const check = checkField(field, value, options.defaultCountry as CountryCode);
    if (check.error) errors.push({ path: ['answers', field.key], message: check.error });
    else if (check.value !== undefined) answers[field.key] = check.value;
  }

  for (const question of questions) {
    const value = raw[question.key];
    const values = (question.answers ?? []).map((answer) => answer.value);
    if (isBlank(value)) errors.push({ path: ['answers', question.key], message: 'is required' });
    else if (typeof value !== 'string' || !values.includes(value)) {
      errors.push({
        path: ['answers', question.key],
        message: `must be one of: ${values.join(', ')}`,
      });
    } else answers[question.key] = value;
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: deriveContact(campaign, answers) };
};

/** Email, phone, first name and the delivery channel, read from the fields that carry them. */
export const deriveContact = (
  campaign: Campaign,
  answers: Record<string, string | boolean>
): ValidatedAnswers => {
  const fields = campaign.fields ?? [];
  const valueOf = (predicate: (field: FormField) => boolean) => {
    for (const field of fields) {
      const value = answers[field.key];
      if (predicate(field) && typeof value === 'string' && value !== '') return value;
    }
    return null;
  };
  const variableOf = (field: FormField) => field.mappingVariable ?? field.key;
  return {
    answers,
    email: valueOf((field) => field.type === 'email'),
    phone: valueOf((field) => field.type === 'phone'),
    firstName: valueOf((field) => variableOf(field).toLowerCase() === 'firstname'),
    deliveryType: pickChannel(valueOf((field) => variableOf(field) === DELIVERY_TYPE_VARIABLE)),
  };
};

/**
 * The channel ClearOn sends by: the participant's deliveryType answer, else email when one was
 * given, else sms. A channel whose contact is missing falls back to the other one.
 */
export const chooseChannel = (
  contact: Pick<ValidatedAnswers, 'email' | 'phone' | 'deliveryType'>
): Channel => {
  if (contact.deliveryType === 'email' && contact.email) return 'email';
  if (contact.deliveryType === 'sms' && contact.phone) return 'sms';
  if (contact.email) return 'email';
  if (contact.phone) return 'sms';
  return 'none';
};

/**
 * Automatic: ClearOn always sends, by the chosen channel. Button: the link is on the exit screen, and
 * ClearOn sends too only when the participant explicitly chose a channel.
 */
export const channelFor = (
  delivery: 'automatic' | 'button',
  contact: Pick<ValidatedAnswers, 'email' | 'phone' | 'deliveryType'>
): Channel => {
  if (delivery === 'automatic') return chooseChannel(contact);
  if (contact.deliveryType === 'email' && contact.email) return 'email';
  if (contact.deliveryType === 'sms' && contact.phone) return 'sms';
  return 'none';
};
