/** A form's fields as the pickers' tests use them: an email, a choice, a phone shown on a choice. */
export const formFields = [
  { key: 'email', type: 'email' },
  {
    key: 'deliveryType',
    type: 'choice',
    options: [
      { label: 'By SMS', value: 'sms' },
      { label: 'By email', value: 'email' },
    ],
  },
];
