import { channelFor, chooseChannel, validateAnswers } from '../../server/src/domain/answers';
import type { Campaign } from '../../server/src/domain/campaign';

const form: Campaign = {
  documentId: 'c1',
  title: 'Form',
  slug: 'form',
  mode: 'identified',
  format: 'form',
  fields: [
    { key: 'firstname', label: 'First name', type: 'text', required: true },
    { key: 'email', label: 'Email', type: 'email' },
    {
      key: 'deliveryType',
      label: 'Delivery',
      type: 'choice',
      required: true,
      mappingVariable: 'deliveryType',
      options: [
        { label: 'By email', value: 'email' },
        { label: 'By SMS', value: 'sms' },
      ],
    },
    {
      key: 'phone',
      label: 'Phone',
      type: 'phone',
      required: true,
      showWhenField: 'deliveryType',
      showWhenValue: 'sms',
    },
    { key: 'terms', label: 'Terms', type: 'checkbox', required: true },
    { key: 'source', label: 'Source', type: 'hidden', hiddenValue: 'newsletter' },
  ],
};

const validate = (answers: unknown) => validateAnswers(form, answers, { defaultCountry: 'SE' });

describe('validateAnswers', () => {
  it('accepts a complete email participation, lower-cases the email and fills the hidden field', () => {
    const result = validate({
      firstname: ' Ada ',
      email: 'Ada@Example.SE',
      deliveryType: 'email',
      terms: true,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        answers: {
          firstname: 'Ada',
          email: 'ada@example.se',
          deliveryType: 'email',
          terms: true,
          source: 'newsletter',
        },
        email: 'ada@example.se',
        phone: null,
        firstName: 'Ada',
        deliveryType: 'email',
      },
    });
  });

  it('requires the conditional phone only when it is shown, and normalises it to E.164', () => {
    const missing = validate({ firstname: 'Ada', deliveryType: 'sms', terms: true });
    expect(missing).toEqual({
      ok: false,
      errors: [{ path: ['answers', 'phone'], message: 'is required' }],
    });
    const ok = validate({
      firstname: 'Ada',
      deliveryType: 'sms',
      phone: '070-123 45 67',
      terms: true,
    });
    expect(ok.ok && ok.value.phone).toBe('+46701234567');
  });

  it('shows a field conditioned on a ticked checkbox ("true"), and not on an unticked one', () => {
    const withCheckbox: Campaign = {
      ...form,
      fields: [
        { key: 'email', label: 'Email', type: 'email', required: true },
        { key: 'news', label: 'Newsletter', type: 'checkbox' },
        {
          key: 'city',
          label: 'City',
          type: 'text',
          required: true,
          showWhenField: 'news',
          showWhenValue: 'true',
        },
      ],
    };
    const check = (answers: unknown) =>
      validateAnswers(withCheckbox, answers, { defaultCountry: 'SE' });
    expect(check({ email: 'a@b.se', news: true })).toEqual({
      ok: false,
      errors: [{ path: ['answers', 'city'], message: 'is required' }],
    });
    expect(check({ email: 'a@b.se', news: false }).ok).toBe(true);
  });

  it('ignores a conditional field while it is hidden', () => {
    const result = validate({
      firstname: 'Ada',
      deliveryType: 'email',
      email: 'a@b.se',
      phone: 'garbage',
      terms: true,
    });
    expect(result.ok).toBe(true);
    expect(result.ok && 'phone' in result.value.answers).toBe(false);
  });

  it('lists every bad field with its reason', () => {
    const result = validate({
      firstname: 7,
      email: 'not-an-email',
      deliveryType: 'fax',
      terms: 'yes',
      nope: 1,
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: ['answers', 'nope'], message: 'is not a field of this campaign' },
        { path: ['answers', 'firstname'], message: 'must be a string' },
        { path: ['answers', 'email'], message: 'must be a valid email address' },
        { path: ['answers', 'deliveryType'], message: 'must be one of: email, sms' },
        { path: ['answers', 'terms'], message: 'must be true or false' },
      ])
    );
  });

  it('refuses oversized text and invalid phone numbers', () => {
    const long = validate({
      firstname: 'x'.repeat(501),
      deliveryType: 'sms',
      phone: '+4612',
      terms: true,
    });
    expect(long.ok ? [] : long.errors.map((e) => e.path[1])).toEqual(['firstname', 'phone']);
  });

  it('refuses a body that is not an object', () => {
    expect(validate([1, 2]).ok).toBe(false);
    expect(validate('answers').ok).toBe(false);
    expect(validate(null).ok).toBe(false);
  });

  it('keeps the hidden field at its fixed value whatever the participant sends', () => {
    const result = validate({
      firstname: 'Ada',
      email: 'a@b.se',
      deliveryType: 'email',
      terms: true,
      source: 'evil',
    });
    expect(result.ok && result.value.answers.source).toBe('newsletter');
  });

  it('requires every quiz question with a valid option', () => {
    const quiz: Campaign = {
      ...form,
      format: 'quiz',
      fields: [{ key: 'email', label: 'Email', type: 'email', required: true }],
      questions: [{ key: 'q1', label: 'Q1', answers: [{ label: 'A', value: 'right', points: 1 }] }],
    };
    const result = validateAnswers(
      quiz,
      { email: 'a@b.se', q1: 'wrong' },
      { defaultCountry: 'SE' }
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ path: ['answers', 'q1'], message: 'must be one of: right' }],
    });
  });
});

describe('delivery channel', () => {
  it('follows the deliveryType answer, else email, else sms', () => {
    expect(chooseChannel({ email: 'a@b.se', phone: '+46701234567', deliveryType: 'sms' })).toBe(
      'sms'
    );
    expect(chooseChannel({ email: 'a@b.se', phone: '+46701234567', deliveryType: null })).toBe(
      'email'
    );
    expect(chooseChannel({ email: null, phone: '+46701234567', deliveryType: null })).toBe('sms');
    expect(chooseChannel({ email: null, phone: null, deliveryType: null })).toBe('none');
  });

  it('in Button mode asks ClearOn to send only when the participant chose a channel', () => {
    expect(channelFor('button', { email: 'a@b.se', phone: null, deliveryType: null })).toBe('none');
    expect(channelFor('button', { email: 'a@b.se', phone: null, deliveryType: 'email' })).toBe(
      'email'
    );
    expect(channelFor('automatic', { email: 'a@b.se', phone: null, deliveryType: null })).toBe(
      'email'
    );
  });
});
