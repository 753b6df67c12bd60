import { evaluateOutcome, profileOf } from '../../server/src/domain/outcome';
import { renderTemplate } from '../../server/src/domain/render';
import { renderExitScreenBody } from '../../server/src/domain/blocks';
import { couponEligibility, validateCampaign } from '../../server/src/domain/campaign-rules';
import type { Campaign } from '../../server/src/domain/campaign';

const quiz: Campaign = {
  documentId: 'q',
  title: 'Quiz',
  slug: 'quiz',
  mode: 'identified',
  format: 'quiz',
  fields: [{ key: 'email', label: 'Email', type: 'email' }],
  questions: ['q1', 'q2'].map((key) => ({
    key,
    label: key,
    answers: [
      { label: 'Right', value: 'right', points: 1 },
      { label: 'Wrong', value: 'wrong', points: 0 },
    ],
  })),
  exitScreens: [
    { title: 'Default', match: 'default' },
    { title: 'Perfect', match: 'score', minScore: 2, maxScore: 2 },
  ],
};

const personality: Campaign = {
  ...quiz,
  format: 'personality-test',
  questions: ['q1', 'q2', 'q3'].map((key) => ({
    key,
    label: key,
    answers: [
      { label: 'Cat', value: 'cat', profile: 'cat' },
      { label: 'Dog', value: 'dog', profile: 'dog' },
    ],
  })),
  exitScreens: [
    { title: 'Cat person', match: 'profile', profile: 'cat' },
    { title: 'Dog person', match: 'profile', profile: 'dog' },
    { title: 'Default', match: 'default' },
  ],
};

describe('evaluateOutcome', () => {
  it('chooses the score range screen for a perfect quiz and the default otherwise', () => {
    expect(evaluateOutcome(quiz, { q1: 'right', q2: 'right' })).toEqual({
      score: 2,
      profile: null,
      exitScreenIndex: 1,
    });
    expect(evaluateOutcome(quiz, { q1: 'right', q2: 'wrong' })).toEqual({
      score: 1,
      profile: null,
      exitScreenIndex: 0,
    });
  });

  it('chooses the profile with most answers', () => {
    expect(evaluateOutcome(personality, { q1: 'dog', q2: 'cat', q3: 'dog' })).toMatchObject({
      profile: 'dog',
      exitScreenIndex: 1,
    });
  });

  it('breaks a profile tie by question order', () => {
    expect(
      profileOf(
        { ...personality, questions: personality.questions!.slice(0, 2) },
        { q1: 'dog', q2: 'cat' }
      )
    ).toBe('dog');
    expect(
      profileOf(
        { ...personality, questions: personality.questions!.slice(0, 2) },
        { q1: 'cat', q2: 'dog' }
      )
    ).toBe('cat');
  });

  it('returns no screen when none matches and there is no default', () => {
    expect(
      evaluateOutcome(
        { ...quiz, exitScreens: [quiz.exitScreens![1]] },
        { q1: 'wrong', q2: 'wrong' }
      ).exitScreenIndex
    ).toBeNull();
  });
});

describe('renderTemplate', () => {
  it('fills variables and HTML-escapes their values', () => {
    expect(
      renderTemplate('<p>Hi {firstname}, code {coupon.code}{missing}</p>', {
        firstname: '<b>Ada</b>',
        'coupon.code': '1234567',
      })
    ).toBe('<p>Hi &lt;b&gt;Ada&lt;/b&gt;, code 1234567</p>');
  });

  it('turns a legacy plain text into paragraphs and a legacy HTML into the same markup', () => {
    expect(renderExitScreenBody('Thanks!\n\nSee you', {}).html).toBe(
      '<p>Thanks!</p><p>See you</p>'
    );
    expect(renderExitScreenBody('<h2>Hi</h2>', {}).html).toBe('<h2>Hi</h2>');
  });
});

describe('campaign rules', () => {
  const coupon = { couponCode: 'SUMMER10', validityDays: 30, delivery: 'button' as const };

  it('names each failing eligibility check', () => {
    expect(couponEligibility({ mode: 'anonymous', fields: [] }).reasons).toEqual([
      'mode',
      'contact',
    ]);
    expect(
      couponEligibility({ mode: 'identified', fields: [{ key: 'p', label: 'P', type: 'phone' }] })
        .eligible
    ).toBe(true);
  });

  it('refuses a coupon on an anonymous campaign and bad coupon settings', () => {
    const errors = validateCampaign({
      ...quiz,
      mode: 'anonymous',
      exitScreens: [
        { title: 'x', match: 'default', coupon: { ...coupon, validityDays: 1.5, couponCode: '' } },
      ],
    });
    expect(errors.map((e) => `${e.path.join('.')} ${e.message}`)).toEqual([
      'exitScreens.0.coupon a coupon needs the campaign mode to be "identified"',
      'exitScreens.0.coupon.couponCode must be 1 to 64 characters',
      'exitScreens.0.coupon.validityDays must be a whole number from 1 to 3650',
    ]);
  });

  it('accepts a valid coupon and refuses duplicate field keys', () => {
    expect(
      validateCampaign({ ...quiz, exitScreens: [{ title: 'x', match: 'default', coupon }] })
    ).toEqual([]);
    const dup = validateCampaign({
      ...quiz,
      fields: [...quiz.fields!, { key: 'email', label: 'again', type: 'text' }],
    });
    expect(dup).toEqual([
      { path: ['fields', '1', 'key'], message: '"email" is used by another field' },
    ]);
  });
});

describe('renderTemplate with opt-ins', () => {
  it('renders a checked opt-in as 1 and an unchecked one as 0', () => {
    expect(renderTemplate('{newsletter}/{terms}', { newsletter: true, terms: false })).toBe('1/0');
  });
});
