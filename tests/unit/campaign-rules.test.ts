import { validateCampaign } from '../../server/src/domain/campaign-rules';
import type { Campaign, FormField } from '../../server/src/domain/campaign';

const campaign = (fields: FormField[]): Campaign => ({
  documentId: 'c1',
  title: 'Form',
  slug: 'form',
  mode: 'identified',
  format: 'form',
  fields,
});

const delivery: FormField = {
  key: 'deliveryType',
  label: 'Delivery',
  type: 'choice',
  options: [
    { label: 'By email', value: 'email' },
    { label: 'By SMS', value: 'sms' },
  ],
};
const phone = (showWhenField: string, showWhenValue: string): FormField => ({
  key: 'phone',
  label: 'Phone',
  type: 'phone',
  showWhenField,
  showWhenValue,
});

describe('a conditional field names a field of the form and one of its values', () => {
  it("accepts a choice field's own option value", () => {
    expect(validateCampaign(campaign([delivery, phone('deliveryType', 'sms')]))).toEqual([]);
  });

  it('refuses a field the form does not have', () => {
    expect(validateCampaign(campaign([delivery, phone('delivery', 'sms')]))).toEqual([
      { path: ['fields', '1', 'showWhenField'], message: 'no field "delivery" in this form' },
    ]);
  });

  it('refuses a value that is not one of the choice field options', () => {
    expect(validateCampaign(campaign([delivery, phone('deliveryType', 'SMS')]))).toEqual([
      {
        path: ['fields', '1', 'showWhenValue'],
        message: '"SMS" is not a value of the choice field "deliveryType"',
      },
    ]);
  });
});
