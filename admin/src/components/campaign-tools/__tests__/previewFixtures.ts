import type { CampaignPreview, PreviewExitScreen, TestCouponAnswer } from '../types';

/** The campaign tools' tests share these: a saved campaign's exit screens and its preview. */

export const screenOf = (
  index: number,
  title: string,
  coupon: PreviewExitScreen['coupon']
): PreviewExitScreen => ({
  index,
  title,
  blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'Thanks' }] }],
  html: '<p>Thanks</p>',
  match: 'default',
  minScore: null,
  maxScore: null,
  profile: null,
  coupon,
});

export const SCREENS = [
  screenOf(0, 'No coupon here', null),
  screenOf(1, 'Thanks Alex &amp; co', {
    couponCode: 'SUMMER10',
    validityDays: 30,
    delivery: 'button',
    integration: null,
  }),
  screenOf(2, 'Quiz winners', {
    couponCode: 'QUIZ20',
    validityDays: 7,
    delivery: 'automatic',
    integration: 'int-1',
  }),
];

export const ISSUED: TestCouponAnswer = {
  kind: 'result',
  result: {
    status: 'issued',
    message:
      'ClearOn issued a test coupon (offer "SUMMER10", valid 30 day(s)) and sends it by SMS.',
    coupon: {
      code: '4821937',
      redeemUrl: 'https://clearon.example/c/1',
      expiresAt: '2030-01-01T00:00:00Z',
    },
  },
};

export const PREVIEW: CampaignPreview = {
  documentId: 'doc-1',
  status: 'draft',
  campaign: {
    slug: 'summer',
    title: 'Summer game',
    mode: 'identified',
    format: 'form',
    startsAt: null,
    endsAt: null,
    fields: [{ key: 'email', label: 'Your email', type: 'email', required: true }],
    questions: [],
  },
  exitScreens: SCREENS,
  eligibility: { eligible: true, reasons: [] },
  sampleCoupon: {
    code: 'SAMPLE-123',
    redeemUrl: 'https://clearon.example/sample',
    expiresAt: '2030-01-31T00:00:00Z',
  },
};
