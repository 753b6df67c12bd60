/**
 * The coupon-trigger form's logic, apart from its components: the draft, which fields each mapping
 * slot may name, which events a content type offers, the client checks and the request body.
 */
import {
  COUPON_CODE_MAX_LENGTH,
  VALIDITY_DAYS_MAX,
  VALIDITY_DAYS_MIN,
  type CouponDelivery,
} from '../../../../shared/contracts/coupon-settings';
import {
  MAPPABLE_TYPES,
  TRIGGER_KEY_PATTERN,
  TRIGGER_NAME_MAX,
  type Trigger,
  type TriggerChannel,
  type TriggerContentType,
  type TriggerEvent,
  type TriggerInput,
  type TriggerParticipationLimit,
} from '../../../../shared/contracts/triggers';

export type MappingSlot = 'email' | 'phone' | 'firstName' | 'deliveryType';
export const MAPPING_SLOTS: readonly MappingSlot[] = [
  'email',
  'phone',
  'firstName',
  'deliveryType',
];

export type ContentTypeField = TriggerContentType['fields'][number];

/** The fields of `contentType` that a mapping slot (or the condition) may name. */
export const fieldsFor = (
  contentType: TriggerContentType | undefined,
  slot: MappingSlot | 'condition'
): ContentTypeField[] => {
  const types: readonly string[] = MAPPABLE_TYPES[slot];
  return (contentType?.fields ?? []).filter((field) => types.includes(field.type));
};

/** `value` when it is one of `values`, otherwise `fallback` (a radio's or a select's string). */
export const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  values.find((item) => item === value) ?? fallback;

/** `create` always; `publish` only for draft & publish types. */
export const eventsFor = (contentType: TriggerContentType | undefined): TriggerEvent[] =>
  contentType?.draftAndPublish ? ['create', 'publish'] : ['create'];

export interface TriggerDraft {
  key: string;
  name: string;
  contentType: string;
  event: TriggerEvent;
  enabled: boolean;
  /** '' = the default integration. */
  integration: string;
  couponCode: string;
  validityDays: string;
  delivery: CouponDelivery;
  channel: TriggerChannel;
  mapping: Record<MappingSlot, string>;
  conditionField: string;
  /** Text for string and number fields, `'true'` / `'false'` for booleans, an enum value. */
  conditionValue: string;
  participationLimit: TriggerParticipationLimit;
  limitPeriodHours: string;
}

export const toDraft = (trigger: Trigger | null): TriggerDraft => ({
  key: trigger?.key ?? '',
  name: trigger?.name ?? '',
  contentType: trigger?.contentType ?? '',
  event: trigger?.event ?? 'create',
  enabled: trigger?.enabled ?? true,
  integration: trigger?.integration ?? '',
  couponCode: trigger?.couponCode ?? '',
  validityDays: trigger ? String(trigger.validityDays) : '30',
  delivery: trigger?.delivery ?? 'automatic',
  channel: trigger?.channel ?? 'entry',
  mapping: {
    email: trigger?.mapping.email ?? '',
    phone: trigger?.mapping.phone ?? '',
    firstName: trigger?.mapping.firstName ?? '',
    deliveryType: trigger?.mapping.deliveryType ?? '',
  },
  conditionField: trigger?.condition?.field ?? '',
  conditionValue: trigger?.condition ? String(trigger.condition.equals) : '',
  participationLimit: trigger?.participationLimit ?? 'once',
  limitPeriodHours: trigger?.limitPeriodHours ? String(trigger.limitPeriodHours) : '24',
});

/** A content type chosen again: mapping and condition start from its fields' likely names. */
export const withContentType = (
  draft: TriggerDraft,
  contentType: TriggerContentType | undefined
): TriggerDraft => {
  const guess = (slot: MappingSlot, names: string[]) =>
    fieldsFor(contentType, slot).find((field) => names.includes(field.name.toLowerCase()))?.name ??
    '';
  return {
    ...draft,
    contentType: contentType?.uid ?? '',
    event: eventsFor(contentType).includes(draft.event) ? draft.event : 'create',
    mapping: {
      email: guess('email', ['email', 'emailaddress', 'mail']),
      phone: guess('phone', ['phone', 'phonenumber', 'mobile']),
      firstName: guess('firstName', ['firstname', 'givenname', 'name']),
      deliveryType: guess('deliveryType', ['deliverytype', 'delivery', 'channel']),
    },
    conditionField: '',
    conditionValue: '',
  };
};

/** The condition's value as the server wants it for the field's type (undefined: not valid). */
export const conditionEquals = (
  field: ContentTypeField | undefined,
  value: string
): string | number | boolean | undefined => {
  if (!field) return undefined;
  if (field.type === 'boolean') return value !== 'false';
  if (field.type === 'integer') {
    return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
  }
  if (field.type === 'enumeration') return field.enum?.includes(value) ? value : undefined;
  return value === '' ? undefined : value;
};

const wholeNumber = (text: string, min: number, max: number) => {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
};

/** The client checks; the server checks everything again (a 400 names the field). */
export type DraftProblem =
  | 'keyRequired'
  | 'keyInvalid'
  | 'nameRequired'
  | 'nameTooLong'
  | 'contentTypeRequired'
  | 'couponCodeRequired'
  | 'couponCodeTooLong'
  | 'validityInvalid'
  | 'periodInvalid'
  | 'contactRequired'
  | 'emailRequired'
  | 'phoneRequired'
  | 'conditionValueInvalid';

/** Field path (`mapping.email`, `condition.equals`, …) → the problem found there. */
export const checkDraft = (
  draft: TriggerDraft,
  contentType: TriggerContentType | undefined,
  editing: boolean
): Record<string, DraftProblem> => {
  const found: Record<string, DraftProblem> = {};
  if (!editing) {
    if (!draft.key) found.key = 'keyRequired';
    else if (!TRIGGER_KEY_PATTERN.test(draft.key)) found.key = 'keyInvalid';
  }
  const name = draft.name.trim();
  if (!name) found.name = 'nameRequired';
  else if (name.length > TRIGGER_NAME_MAX) found.name = 'nameTooLong';
  if (!draft.contentType) found.contentType = 'contentTypeRequired';
  const code = draft.couponCode.trim();
  if (!code) found.couponCode = 'couponCodeRequired';
  else if (code.length > COUPON_CODE_MAX_LENGTH) found.couponCode = 'couponCodeTooLong';
  if (wholeNumber(draft.validityDays, VALIDITY_DAYS_MIN, VALIDITY_DAYS_MAX) === null) {
    found.validityDays = 'validityInvalid';
  }
  if (
    draft.participationLimit === 'oncePerPeriod' &&
    wholeNumber(draft.limitPeriodHours, 1, 8760) === null
  ) {
    found.limitPeriodHours = 'periodInvalid';
  }
  if (draft.contentType) {
    if (draft.delivery === 'automatic' && draft.channel === 'email' && !draft.mapping.email) {
      found['mapping.email'] = 'emailRequired';
    } else if (draft.delivery === 'automatic' && draft.channel === 'sms' && !draft.mapping.phone) {
      found['mapping.phone'] = 'phoneRequired';
    } else if (draft.delivery === 'automatic' && !draft.mapping.email && !draft.mapping.phone) {
      found['mapping.email'] = 'contactRequired';
    }
    if (draft.conditionField) {
      const field = contentType?.fields.find((item) => item.name === draft.conditionField);
      if (conditionEquals(field, draft.conditionValue) === undefined) {
        found['condition.equals'] = 'conditionValueInvalid';
      }
    }
  }
  return found;
};

/** The request body (create or update: the update's key is the URL's). */
export const toBody = (
  draft: TriggerDraft,
  contentType: TriggerContentType | undefined
): TriggerInput => {
  const field = contentType?.fields.find((item) => item.name === draft.conditionField);
  const equals = conditionEquals(field, draft.conditionValue);
  const mapping = Object.fromEntries(
    MAPPING_SLOTS.map((slot) => [slot, draft.mapping[slot] || null])
  ) as TriggerInput['mapping'];
  return {
    key: draft.key,
    name: draft.name.trim(),
    contentType: draft.contentType,
    event: draft.event,
    enabled: draft.enabled,
    integration: draft.integration || null,
    couponCode: draft.couponCode.trim(),
    validityDays: Number(draft.validityDays.trim()),
    delivery: draft.delivery,
    // A Button coupon is shown, not sent: the channel only matters for Automatic ones.
    channel: draft.delivery === 'automatic' ? draft.channel : 'entry',
    mapping,
    condition: field && equals !== undefined ? { field: field.name, equals } : null,
    participationLimit: draft.participationLimit,
    limitPeriodHours:
      draft.participationLimit === 'oncePerPeriod' ? Number(draft.limitPeriodHours.trim()) : null,
  };
};

/** What every part of the trigger form gets from the form. */
export interface TriggerFieldsProps {
  draft: TriggerDraft;
  /** The chosen content type (undefined until one is chosen). */
  contentType: TriggerContentType | undefined;
  /** Changes one value of the draft; `path` is the field whose error it clears. */
  change: (patch: Partial<TriggerDraft>, path: string) => void;
  /** The client's or the server's message for a field path (`mapping.email`), if any. */
  errorOf: (path: string) => string | undefined;
  /** A text field's bindings (name, value, error, change) for a string of the draft. */
  field: (key: TriggerTextKey) => {
    name: string;
    value: string;
    error: string | undefined;
    onChange: (value: string) => void;
  };
}

/** The draft's text values. */
export type TriggerTextKey = 'key' | 'name' | 'couponCode' | 'validityDays' | 'limitPeriodHours';
