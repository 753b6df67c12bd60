import { createIntl } from 'react-intl';

import en from '../../../translations/en.json';
import fr from '../../../translations/fr.json';
import sv from '../../../translations/sv.json';
import { getTranslation } from '../../../utils/getTranslation';
import { prefixPluginTranslations } from '../../../utils/prefixPluginTranslations';
import { messages } from '../messages';
import { ERROR_MESSAGES } from '../statusMeta';

const locales: Record<string, Record<string, string>> = { en, fr, sv };
const keyOf = (id: string) => id.slice(getTranslation('').length);
const values = {
  count: 2,
  total: 3,
  page: 4,
  date: '1 June 2030',
  message: 'boom',
  reference: 'cl_1',
};

describe('coupons dashboard translations', () => {
  it.each(Object.keys(locales))('%s has every dashboard text, as valid ICU', (locale) => {
    const translations = locales[locale];
    const intl = createIntl({
      locale,
      messages: prefixPluginTranslations(translations),
      onError: (error) => {
        throw error;
      },
    });
    for (const message of Object.values(messages)) {
      const key = keyOf(message.id);
      expect({ key, present: typeof translations[key] === 'string' }).toEqual({
        key,
        present: true,
      });
      expect(intl.formatMessage({ id: message.id }, values)).not.toBe('');
      expect(intl.formatMessage({ id: message.id }, { ...values, count: 1, total: 1 })).not.toBe(
        ''
      );
    }
  });

  it('the English file matches the default messages', () => {
    for (const message of Object.values(messages)) {
      expect({
        key: keyOf(message.id),
        text: (en as Record<string, string>)[keyOf(message.id)],
      }).toEqual({ key: keyOf(message.id), text: message.defaultMessage });
    }
  });

  it('every error code of the issuer has a message', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual(
      Object.keys(messages)
        .filter((name) => name.startsWith('error'))
        .map((name) =>
          keyOf(messages[name as keyof typeof messages].id).replace('dashboard.error.', '')
        )
        .sort()
    );
  });
});
