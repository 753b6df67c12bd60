import {
  referenceVersion,
  sameStructure,
  structureDifferences,
} from '../../server/src/domain/campaign-locales';
import type { Campaign } from '../../server/src/domain/campaign';
import { readLocale } from '../../server/src/validation/locale';

const english: Partial<Campaign> = {
  fields: [
    { key: 'email', label: 'Email', type: 'email', required: true },
    {
      key: 'colour',
      label: 'Colour',
      type: 'choice',
      options: [
        { label: 'Red', value: 'red' },
        { label: 'Blue', value: 'blue' },
      ],
    },
  ],
  questions: [{ key: 'q1', label: 'Cats?', answers: [{ label: 'Yes', value: 'yes', points: 1 }] }],
  exitScreens: [
    {
      title: 'Thanks',
      match: 'default',
      coupon: { couponCode: 'C10', validityDays: 7, delivery: 'button' },
    },
  ],
};

const french: Partial<Campaign> = {
  fields: [
    { key: 'email', label: 'E-mail', type: 'email', required: true },
    {
      key: 'colour',
      label: 'Couleur',
      type: 'choice',
      required: false,
      options: [
        { label: 'Rouge', value: 'red' },
        { label: 'Bleu', value: 'blue' },
      ],
    },
  ],
  questions: [
    { key: 'q1', label: 'Des chats ?', answers: [{ label: 'Oui', value: 'yes', points: 1 }] },
  ],
  exitScreens: [
    {
      title: 'Merci',
      match: 'default',
      coupon: { delivery: 'button', validityDays: 7, couponCode: 'C10', integration: null },
    },
  ],
};

describe('the structure shared by the locales of a campaign', () => {
  it('lets texts differ, and reads defaults and key order alike', () => {
    expect(structureDifferences(french, english, 'en')).toEqual([]);
    expect(sameStructure(french, english)).toBe(true);
  });

  it('names each attribute that differs', () => {
    const changed: Partial<Campaign> = {
      ...french,
      fields: [
        { ...french.fields![0], key: 'mail' },
        {
          ...french.fields![1],
          options: [
            { label: 'Rouge', value: 'rouge' },
            { label: 'Bleu', value: 'blue' },
          ],
        },
      ],
      questions: [{ key: 'q1', label: '?', answers: [{ label: 'Oui', value: 'yes', points: 2 }] }],
      exitScreens: [{ ...french.exitScreens![0], coupon: null }],
    };
    expect(structureDifferences(changed, english, 'en').map((e) => e.path.join('.'))).toEqual([
      'fields.0.key',
      'fields.1.options.0.value',
      'questions.0.answers.0.points',
      'exitScreens.0.coupon',
    ]);
    expect(structureDifferences(changed, english, 'en')[0].message).toContain('"email"');
  });

  it('names the list whose length differs', () => {
    const fewer = { ...french, fields: french.fields!.slice(0, 1) };
    expect(structureDifferences(fewer, english, 'en')).toEqual([
      { path: ['fields'], message: expect.stringContaining('must have 2 entries') },
    ]);
  });

  it('takes the default locale as the reference, else the first locale', () => {
    const versions = [
      { id: 3, locale: 'sv' },
      { id: 5, locale: 'en' },
      { id: 4, locale: 'fr' },
    ];
    expect(referenceVersion(versions, 'en')?.locale).toBe('en');
    expect(referenceVersion(versions, 'de')?.locale).toBe('sv');
    expect(referenceVersion([], 'en')).toBeUndefined();
  });
});

describe('?locale=', () => {
  it('accepts no locale, or one of the offered locales in any case', () => {
    expect(readLocale(undefined, ['en', 'fr'])).toEqual({ ok: true, locale: null });
    expect(readLocale('FR', ['en', 'fr'])).toEqual({ ok: true, locale: 'fr' });
    expect(readLocale('sv-se', null)).toEqual({ ok: true, locale: 'sv-se' });
  });

  it('refuses a locale the campaign is not in, a malformed one, or several', () => {
    expect(readLocale('de', ['en', 'fr'])).toEqual({
      ok: false,
      message: '"de" is not a locale of this campaign (its locales: en, fr)',
    });
    expect(readLocale('<script>', null)).toMatchObject({ ok: false });
    expect(readLocale(['en', 'fr'], ['en', 'fr'])).toEqual({
      ok: false,
      message: 'must be given once',
    });
  });
});
