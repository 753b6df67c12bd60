import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Trigger } from '../../../shared/contracts/triggers';
import { channelFor, EMAIL_RE } from './answers';
import type { Channel } from './campaign';

export type { Trigger };

type Row = Record<string, unknown>;

/** One entry of one trigger: the unique key of its coupon row (the database refuses a second). */
export const sourceKeyOf = (
  trigger: Pick<Trigger, 'key' | 'contentType'>,
  documentId: string,
  locale: string | null | undefined
) => `${trigger.key}|${trigger.contentType}|${documentId}|${locale ?? ''}`;

const truthy = (value: unknown) =>
  value === true || value === 1 || value === '1' || value === 'true';

/** The trigger's condition on the entry (none: every entry). */
export const conditionHolds = (trigger: Pick<Trigger, 'condition'>, row: Row) => {
  const condition = trigger.condition;
  if (!condition) return true;
  const value = row[condition.field];
  if (typeof condition.equals === 'boolean') return truthy(value) === condition.equals;
  return value !== null && value !== undefined && String(value) === String(condition.equals);
};

const text = (row: Row, field: string | null | undefined) => {
  if (!field) return null;
  const value = row[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

export interface EntryContact {
  email: string | null;
  phone: string | null;
  firstName: string | null;
  deliveryType: 'email' | 'sms' | null;
  /** The mapped fields whose values are not usable (named in a 400). */
  invalid: Array<{ field: string; reason: string }>;
}

/** The recipient an entry names through the trigger's mapping; phones in E.164. */
export const contactOf = (trigger: Trigger, row: Row, defaultCountry: string): EntryContact => {
  const invalid: EntryContact['invalid'] = [];
  const { mapping } = trigger;
  let email = text(row, mapping.email);
  if (email && !EMAIL_RE.test(email)) {
    invalid.push({ field: mapping.email as string, reason: 'is not an email address' });
    email = null;
  }
  let phone = text(row, mapping.phone);
  if (phone) {
    const parsed = parsePhoneNumberFromString(phone, defaultCountry as CountryCode);
    if (parsed?.isValid()) phone = parsed.number;
    else {
      invalid.push({ field: mapping.phone as string, reason: 'is not a phone number' });
      phone = null;
    }
  }
  const chosen = text(row, mapping.deliveryType);
  let deliveryType: 'email' | 'sms' | null = null;
  if (trigger.channel === 'email' || trigger.channel === 'sms') deliveryType = trigger.channel;
  else if (chosen === 'email' || chosen === 'sms') deliveryType = chosen;
  return { email, phone, firstName: text(row, mapping.firstName), deliveryType, invalid };
};

/** How ClearOn sends it: as the campaigns choose (the asked channel when its contact is there). */
export const triggerChannel = (trigger: Trigger, contact: EntryContact): Channel =>
  channelFor(trigger.delivery, contact);

/** What an Automatic coupon lacks to be sent: the field to name in the refusal. */
export const missingRecipient = (trigger: Trigger, contact: EntryContact, channel: Channel) => {
  if (trigger.delivery !== 'automatic' || channel !== 'none') return null;
  const field = trigger.channel === 'sms' ? trigger.mapping.phone : trigger.mapping.email;
  return field ?? trigger.mapping.email ?? trigger.mapping.phone ?? 'email';
};
