import { createIntl } from 'react-intl';

import en from '../../../translations/en.json';
import fr from '../../../translations/fr.json';
import sv from '../../../translations/sv.json';
import { getTranslation } from '../../../utils/getTranslation';
import { prefixPluginTranslations } from '../../../utils/prefixPluginTranslations';
import { messages } from '../messages';

const locales: Record<string, Record<string, string>> = { en, fr, sv };
const keyOf = (id: string) => id.slice(getTranslation('').length);
const values = { name: 'Acme', label: 'Delivery type', time: 'today', message: 'OK' };

describe('ClearOn settings translations', () => {
  it.each(Object.keys(locales))('%s has every settings text, as valid ICU', (locale) => {
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
});
