import { errors } from '../utils/errors';
import type { Schema } from '@strapi/strapi';
import {
  COUPON_CODE_MAX_LENGTH,
  VALIDITY_DAYS_MAX,
  VALIDITY_DAYS_MIN,
} from '../../../shared/contracts/coupon-settings';
import {
  MAPPABLE_TYPES,
  TRIGGER_CHANNELS,
  TRIGGER_EVENTS,
  TRIGGER_FIELDS,
  TRIGGER_KEY_PATTERN,
  TRIGGER_NAME_MAX,
  TRIGGER_PARTICIPATION_LIMITS,
  type Trigger,
  type TriggerContentType,
} from '../../../shared/contracts/triggers';

type Problem = { path: string[]; message: string; name: 'ValidationError' };
type Input = Record<string, unknown>;

const KNOWN: readonly string[] = TRIGGER_FIELDS;
const MAPPING_KEYS = ['email', 'phone', 'firstName', 'deliveryType'] as const;

/** The app's own collection types (`api::…`) and their scalar fields, as a trigger may name them. */
export const triggerableContentTypes = (
  contentTypes: readonly Schema.ContentType[]
): TriggerContentType[] =>
  contentTypes
    .filter((ct) => ct.uid.startsWith('api::') && ct.kind === 'collectionType')
    .map((ct) => ({
      uid: ct.uid,
      displayName: ct.info.displayName,
      draftAndPublish: Boolean(ct.options?.draftAndPublish),
      localized: Boolean(
        (ct.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized
      ),
      fields: Object.entries(ct.attributes)
        .filter(([, attribute]) =>
          (MAPPABLE_TYPES.condition as readonly string[]).concat(['text']).includes(attribute.type)
        )
        .map(([name, attribute]) => ({
          name,
          type: attribute.type,
          ...(attribute.type === 'enumeration' ? { enum: [...attribute.enum] } : {}),
        })),
    }))
    .sort((a, b) => a.uid.localeCompare(b.uid));

/**
 * A trigger checked against the app's content types: every problem is named by its field
 * (`mapping.email`, `condition.field`, …) in one 400.
 */
export const validateTrigger = (
  input: unknown,
  contentTypes: readonly Schema.ContentType[]
): Omit<Trigger, 'source'> => {
  const problems: Problem[] = [];
  const fail = (path: string, message: string) =>
    problems.push({
      path: path.split('.'),
      message: `${path} ${message}`,
      name: 'ValidationError',
    });
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new errors.ValidationError('A trigger must be an object', { errors: [] });
  }
  const data = input as Input;
  for (const key of Object.keys(data)) {
    if (!KNOWN.includes(key))
      fail(key, `is not a field of a trigger (allowed: ${KNOWN.join(', ')})`);
  }
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
  const oneOf = <T extends string>(key: string, values: readonly T[], fallback?: T): T => {
    const value = data[key] ?? fallback;
    if (typeof value !== 'string' || !values.includes(value as T)) {
      fail(key, `must be one of ${values.join(', ')}`);
      return values[0];
    }
    return value as T;
  };

  const key = str('key');
  if (!TRIGGER_KEY_PATTERN.test(key)) {
    fail('key', 'must be 2 to 40 lower-case letters, digits or dashes, starting with a letter');
  }
  const name = str('name');
  if (!name || name.length > TRIGGER_NAME_MAX)
    fail('name', `must be 1 to ${TRIGGER_NAME_MAX} characters`);
  const uid = str('contentType');
  const contentType = triggerableContentTypes(contentTypes).find((ct) => ct.uid === uid);
  if (!contentType) fail('contentType', "must be one of the app's collection types (api::…)");
  const event = oneOf('event', TRIGGER_EVENTS);
  if (contentType && event === 'publish' && !contentType.draftAndPublish) {
    fail('event', `is publish but ${uid} has no draft & publish`);
  }
  const couponCode = str('couponCode');
  if (!couponCode || couponCode.length > COUPON_CODE_MAX_LENGTH) {
    fail('couponCode', `must be 1 to ${COUPON_CODE_MAX_LENGTH} characters`);
  }
  const validityDays = data.validityDays;
  if (
    typeof validityDays !== 'number' ||
    !Number.isInteger(validityDays) ||
    validityDays < VALIDITY_DAYS_MIN ||
    validityDays > VALIDITY_DAYS_MAX
  ) {
    fail(
      'validityDays',
      `must be a whole number from ${VALIDITY_DAYS_MIN} to ${VALIDITY_DAYS_MAX}`
    );
  }
  const delivery = oneOf('delivery', ['automatic', 'button'] as const);
  const channel = oneOf('channel', TRIGGER_CHANNELS, 'entry');
  const integration = data.integration ?? null;
  if (integration !== null && typeof integration !== 'string')
    fail('integration', 'must be a documentId or null');
  if (data.enabled !== undefined && typeof data.enabled !== 'boolean')
    fail('enabled', 'must be true or false');
  const participationLimit = oneOf('participationLimit', TRIGGER_PARTICIPATION_LIMITS, 'once');
  const period = data.limitPeriodHours ?? null;
  if (
    period !== null &&
    (typeof period !== 'number' || !Number.isInteger(period) || period < 1 || period > 8760)
  ) {
    fail('limitPeriodHours', 'must be a whole number of hours from 1 to 8760');
  }

  const fieldOf = (name: string) => contentType?.fields.find((field) => field.name === name);
  const mapping: Record<string, string | null> = {};
  const rawMapping = data.mapping;
  if (!rawMapping || typeof rawMapping !== 'object' || Array.isArray(rawMapping)) {
    fail(
      'mapping',
      'must be an object naming the entry fields (email, phone, firstName, deliveryType)'
    );
  } else {
    for (const [slot, value] of Object.entries(rawMapping)) {
      if (!(MAPPING_KEYS as readonly string[]).includes(slot)) {
        fail(`mapping.${slot}`, `is not a mapping (allowed: ${MAPPING_KEYS.join(', ')})`);
        continue;
      }
      if (value === null || value === undefined || value === '') continue;
      const field = typeof value === 'string' ? fieldOf(value) : undefined;
      const types = MAPPABLE_TYPES[slot as (typeof MAPPING_KEYS)[number]] as readonly string[];
      if (!field) fail(`mapping.${slot}`, `names no scalar field of ${uid || 'the content type'}`);
      else if (!types.includes(field.type)) {
        fail(
          `mapping.${slot}`,
          `names ${field.name}, a ${field.type} field (expected ${types.join(' or ')})`
        );
      } else mapping[slot] = field.name;
    }
    if (delivery === 'automatic' && !mapping.email && !mapping.phone) {
      fail(
        'mapping.email',
        'or mapping.phone must name a field: an Automatic coupon is sent to it'
      );
    }
    if (channel === 'sms' && !mapping.phone)
      fail('mapping.phone', 'must name a field when the channel is sms');
    if (channel === 'email' && !mapping.email)
      fail('mapping.email', 'must name a field when the channel is email');
  }

  let condition: Trigger['condition'] = null;
  if (data.condition !== undefined && data.condition !== null) {
    const raw = data.condition as Input;
    const field = typeof raw?.field === 'string' ? fieldOf(raw.field) : undefined;
    const equals = raw?.equals;
    if (!field) fail('condition.field', `names no scalar field of ${uid || 'the content type'}`);
    else if (!['string', 'number', 'boolean'].includes(typeof equals)) {
      fail('condition.equals', 'must be text, a number or true/false');
    } else if (field.type === 'boolean' && typeof equals !== 'boolean') {
      fail('condition.equals', `must be true or false (${field.name} is a boolean field)`);
    } else if (field.enum && !field.enum.includes(String(equals))) {
      fail('condition.equals', `must be one of ${field.enum.join(', ')}`);
    } else condition = { field: field.name, equals: equals as string | number | boolean };
  }

  if (problems.length > 0) {
    throw new errors.ValidationError(
      problems.length === 1 ? problems[0].message : `${problems.length} errors in the trigger`,
      { errors: problems }
    );
  }
  return {
    key,
    name,
    contentType: uid,
    event,
    enabled: data.enabled === undefined ? true : (data.enabled as boolean),
    integration: integration as string | null,
    couponCode,
    validityDays: validityDays as number,
    delivery,
    channel,
    mapping,
    condition,
    participationLimit,
    limitPeriodHours: period as number | null,
  };
};
