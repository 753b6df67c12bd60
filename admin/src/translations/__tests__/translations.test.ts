import { createIntl } from 'react-intl';

import { messages as campaignTools } from '../../components/campaign-tools/messages';
import { messages as coupon } from '../../components/coupon/messages';
import { messages as dashboard } from '../../components/coupons-dashboard/messages';
import { messages as formField } from '../../components/form-field/messages';
import {
  captchaTexts,
  integrationTexts,
  messages as settings,
  variableTexts,
} from '../../components/settings/messages';
import { triggerMessages } from '../../components/settings/triggerMessages';
import { eventMessages, webhookMessages } from '../../components/settings/webhookMessages';
import { messages as entryCoupons } from '../../components/triggers/messages';
import { getTranslation } from '../../utils/getTranslation';
import { prefixPluginTranslations } from '../../utils/prefixPluginTranslations';
import en from '../en.json';
import fr from '../fr.json';
import sv from '../sv.json';

const locales: Record<string, Record<string, string>> = { en, fr, sv };
const keyOf = (id: string) => id.slice(getTranslation('').length);
type Messages = Record<string, { id: string; defaultMessage: string }>;
const areas: Array<[string, Messages]> = [
  ['the coupon editor', coupon],
  ['the campaign tools', campaignTools],
  ['the coupons dashboard', dashboard],
  ['the ClearOn settings', settings],
  ['the integrations settings', integrationTexts],
  ['the mapping variables settings', variableTexts],
  ['the bot checks settings', captchaTexts],
  ['the webhooks settings', webhookMessages],
  ['the webhook events', eventMessages],
  ['the coupon triggers settings', triggerMessages],
  ['the entry coupon panel', entryCoupons],
  ['the form field pickers', formField],
];
/** A value for every placeholder the messages use, plural ones in both forms below. */
const values = {
  cap: '100',
  code: 'SUMMER10',
  count: 2,
  date: '1 June 2030',
  days: 2,
  delivery: 'automatic',
  event: 'clearon.coupon.issued',
  detail: 'deliveryType',
  example: '<deliveryType>',
  field: 'Delivery',
  label: 'Delivery type',
  left: '5',
  max: 3,
  message: 'boom',
  min: 1,
  name: 'Acme',
  number: 2,
  page: 4,
  profile: 'cat',
  reference: 'cl_1',
  status: 'published',
  time: 'today',
  title: 'Summer',
  total: 3,
  value: 'SMS',
  written: '95',
};
const singular = { ...values, count: 1, days: 1, number: 1, total: 1 };

describe('translations', () => {
  it('en, fr and sv have the same keys', () => {
    const keys = Object.keys(en).sort();
    expect(Object.keys(fr).sort()).toEqual(keys);
    expect(Object.keys(sv).sort()).toEqual(keys);
  });

  describe.each(areas)('%s', (_area, messages) => {
    it.each(Object.keys(locales))('%s has every text, as valid ICU', (locale) => {
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
        expect(intl.formatMessage({ id: message.id }, singular)).not.toBe('');
      }
    });

    it('the English file matches the default messages', () => {
      for (const message of Object.values(messages)) {
        const key = keyOf(message.id);
        expect({ key, text: (en as Record<string, string>)[key] }).toEqual({
          key,
          text: message.defaultMessage,
        });
      }
    });
  });
});
