/**
 * The demo's campaigns (see docs/editors.md): what an editor would build in the Content Manager.
 * `integration: null` in a coupon means the default ClearOn integration.
 */

type Text = { type: 'text'; text: string; bold?: boolean; italic?: boolean };
type Inline = Text | { type: 'link'; url: string; children: Text[] };

/** Exit screen text as the Content Manager's rich-text editor (Strapi Blocks) saves it. */
const paragraph = (...children: (string | Inline)[]) => ({
  type: 'paragraph' as const,
  children: children.map((child) =>
    typeof child === 'string' ? { type: 'text' as const, text: child } : child
  ),
});
const bold = (text: string): Text => ({ type: 'text', text, bold: true });

export const DEMO_FORM = {
  title: 'Demo form: 10% off your next visit',
  slug: 'demo-form',
  mode: 'identified',
  participationLimit: 'once',
  format: 'form',
  fields: [
    { key: 'firstname', label: 'First name', type: 'text', required: true },
    { key: 'email', label: 'Email', type: 'email', required: true },
    {
      key: 'deliveryType',
      label: 'How would you like to receive your coupon?',
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
      label: 'Mobile phone',
      type: 'phone',
      required: true,
      showWhenField: 'deliveryType',
      showWhenValue: 'sms',
    },
  ],
  questions: [],
  exitScreens: [
    {
      title: 'Thanks {firstname}!',
      body: [
        paragraph('Here is your ', bold('10% coupon'), '. Show it at the checkout.'),
        paragraph('It is valid for 30 days.'),
      ],
      match: 'default',
      coupon: { couponCode: 'DEMO10', validityDays: 30, delivery: 'button', integration: null },
    },
  ],
};

const quizQuestion = (key: string, label: string, right: string, wrong: string) => ({
  key,
  label,
  answers: [
    { label: right, value: 'right', points: 1 },
    { label: wrong, value: 'wrong', points: 0 },
  ],
});

export const DEMO_QUIZ = {
  title: 'Demo quiz: two right answers, 20% off',
  slug: 'demo-quiz',
  mode: 'identified',
  participationLimit: 'once',
  format: 'quiz',
  fields: [{ key: 'email', label: 'Email', type: 'email', required: true }],
  questions: [
    quizQuestion('q1', 'In which country is ClearOn based?', 'Sweden', 'Portugal'),
    quizQuestion('q2', 'How many coupons does each participant get?', 'One', 'Ten'),
  ],
  exitScreens: [
    {
      title: 'Two out of two!',
      body: [paragraph('Well done. Your ', bold('20% coupon'), ' is on its way to {email}.')],
      match: 'score',
      minScore: 2,
      maxScore: 2,
      coupon: { couponCode: 'QUIZ20', validityDays: 14, delivery: 'automatic', integration: null },
    },
    {
      title: 'Thanks for playing',
      body: [paragraph('You scored {score} out of 2. Try again another day!')],
      match: 'default',
      coupon: null,
    },
  ],
};

const personalityQuestion = (key: string, label: string, city: string, country: string) => ({
  key,
  label,
  answers: [
    { label: city, value: 'city', profile: 'city' },
    { label: country, value: 'country', profile: 'country' },
  ],
});

export const DEMO_PERSONALITY = {
  title: 'Demo personality test: city or countryside?',
  slug: 'demo-personality',
  mode: 'identified',
  participationLimit: 'once',
  format: 'personality-test',
  fields: [
    { key: 'firstname', label: 'First name', type: 'text', required: true },
    { key: 'email', label: 'Email', type: 'email', required: true },
  ],
  questions: [
    personalityQuestion('q1', 'A free Saturday?', 'A museum and a café', 'A walk in the woods'),
    personalityQuestion('q2', 'Your ideal home?', 'A flat downtown', 'A house with a garden'),
    personalityQuestion('q3', 'Morning sound?', 'Trams and chatter', 'Birds'),
  ],
  exitScreens: [
    {
      title: '{firstname}, you are a city explorer',
      body: [
        paragraph('Enjoy ', bold('15% off'), ' in our city stores.'),
        paragraph('Questions? ', {
          type: 'link',
          url: 'mailto:stores@example.com',
          children: [{ type: 'text', text: 'Write to us' }],
        }),
      ],
      match: 'profile',
      profile: 'city',
      coupon: { couponCode: 'CITY15', validityDays: 30, delivery: 'button', integration: null },
    },
    {
      title: '{firstname}, you are a countryside dreamer',
      body: [paragraph('Your 15% coupon for our countryside shops is on its way by email.')],
      match: 'profile',
      profile: 'country',
      coupon: {
        couponCode: 'COUNTRY15',
        validityDays: 30,
        delivery: 'automatic',
        integration: null,
      },
    },
    { title: 'Thanks for taking the test', match: 'default', coupon: null },
  ],
};

export const DEMO_CAMPAIGNS = [DEMO_FORM, DEMO_QUIZ, DEMO_PERSONALITY];
