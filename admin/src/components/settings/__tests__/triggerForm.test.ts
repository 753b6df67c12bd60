import type { TriggerContentType } from '../../../services/triggers';
import { checkDraft, eventsFor, fieldsFor, toBody, toDraft, withContentType } from '../triggerForm';
import { triggerOf } from './settingsTestUtils';

const signup: TriggerContentType = {
  uid: 'api::signup.signup',
  displayName: 'Sign-up',
  draftAndPublish: false,
  localized: false,
  fields: [
    { name: 'firstName', type: 'string' },
    { name: 'email', type: 'email' },
    { name: 'phone', type: 'string' },
    { name: 'notes', type: 'text' },
    { name: 'deliveryType', type: 'enumeration', enum: ['email', 'sms'] },
    { name: 'optIn', type: 'boolean' },
    { name: 'age', type: 'integer' },
  ],
};
const article: TriggerContentType = {
  ...signup,
  uid: 'api::article.article',
  draftAndPublish: true,
};

const names = (slot: Parameters<typeof fieldsFor>[1], type = signup) =>
  fieldsFor(type, slot).map((field) => field.name);

const trigger = triggerOf({
  mapping: { email: 'email', phone: 'phone', firstName: 'firstName', deliveryType: 'deliveryType' },
  condition: { field: 'optIn', equals: true },
});

describe('the trigger form: which fields a mapping slot may name', () => {
  it('offers email, string and text fields for the email', () => {
    expect(names('email')).toEqual(['firstName', 'email', 'phone', 'notes']);
  });

  it('offers string and text fields for the phone and the first name, never an email field', () => {
    expect(names('phone')).toEqual(['firstName', 'phone', 'notes']);
    expect(names('firstName')).toEqual(['firstName', 'phone', 'notes']);
  });

  it('offers enumerations and strings for the delivery type', () => {
    expect(names('deliveryType')).toEqual(['firstName', 'phone', 'deliveryType']);
  });

  it('offers booleans, enumerations, strings and numbers for the condition, not long text', () => {
    expect(names('condition')).toEqual([
      'firstName',
      'email',
      'phone',
      'deliveryType',
      'optIn',
      'age',
    ]);
  });

  it('offers nothing before a content type is chosen', () => {
    expect(fieldsFor(undefined, 'email')).toEqual([]);
  });
});

describe('the trigger form: events', () => {
  it('offers publish only for draft & publish types', () => {
    expect(eventsFor(signup)).toEqual(['create']);
    expect(eventsFor(article)).toEqual(['create', 'publish']);
    expect(eventsFor(undefined)).toEqual(['create']);
  });

  it('goes back to create when the new content type has no draft & publish', () => {
    const draft = { ...withContentType(toDraft(null), article), event: 'publish' as const };
    expect(withContentType(draft, signup).event).toBe('create');
    expect(withContentType(draft, article).event).toBe('publish');
  });

  it('guesses the mapping from the field names of the chosen type', () => {
    expect(withContentType(toDraft(null), signup).mapping).toEqual({
      email: 'email',
      phone: 'phone',
      firstName: 'firstName',
      deliveryType: 'deliveryType',
    });
  });
});

describe('the trigger form: checks and body', () => {
  it('round-trips a trigger through the draft', () => {
    const { source: _source, ...input } = trigger;
    expect(toBody(toDraft(trigger), signup)).toEqual(input);
  });

  it('names every missing value by its field path', () => {
    const draft = { ...toDraft(null), contentType: signup.uid, validityDays: '0' };
    expect(checkDraft(draft, signup, false)).toEqual({
      key: 'keyRequired',
      name: 'nameRequired',
      couponCode: 'couponCodeRequired',
      validityDays: 'validityInvalid',
      'mapping.email': 'contactRequired',
    });
    expect(checkDraft({ ...draft, key: 'Bad key' }, signup, false).key).toBe('keyInvalid');
    // The key of an edited trigger is not checked (it cannot change).
    expect(checkDraft(draft, signup, true).key).toBeUndefined();
  });

  it('asks for the field the channel needs', () => {
    const draft = { ...toDraft(trigger), mapping: { ...toDraft(trigger).mapping, phone: '' } };
    expect(checkDraft({ ...draft, channel: 'sms' }, signup, true)).toEqual({
      'mapping.phone': 'phoneRequired',
    });
    expect(checkDraft({ ...draft, channel: 'email' }, signup, true)).toEqual({});
  });

  it('sends the condition value in the field type', () => {
    const base = toDraft(trigger);
    expect(toBody({ ...base, conditionValue: 'false' }, signup).condition).toEqual({
      field: 'optIn',
      equals: false,
    });
    const age = { ...base, conditionField: 'age', conditionValue: '18' };
    expect(toBody(age, signup).condition).toEqual({ field: 'age', equals: 18 });
    expect(checkDraft({ ...age, conditionValue: 'x' }, signup, true)).toEqual({
      'condition.equals': 'conditionValueInvalid',
    });
    expect(toBody({ ...base, conditionField: '' }, signup).condition).toBeNull();
  });

  it('sends the period only for once per period, and no channel for a Button coupon', () => {
    const draft = { ...toDraft(trigger), participationLimit: 'oncePerPeriod' as const };
    expect(toBody({ ...draft, limitPeriodHours: '48' }, signup).limitPeriodHours).toBe(48);
    expect(checkDraft({ ...draft, limitPeriodHours: '0' }, signup, true)).toEqual({
      limitPeriodHours: 'periodInvalid',
    });
    expect(
      toBody({ ...toDraft(trigger), channel: 'sms', delivery: 'button' }, signup).channel
    ).toBe('entry');
  });
});
