import participationsService from '../../server/src/services/participations';
import type { Campaign } from '../../server/src/domain/campaign';

const view = participationsService({ strapi: {} as never });

const campaign: Campaign = {
  documentId: 'c',
  title: 'T',
  slug: 't',
  mode: 'identified',
  format: 'form',
  fields: [
    { key: 'name', label: 'Name', type: 'text', mappingVariable: 'firstname' },
    {
      key: 'how',
      label: 'How',
      type: 'choice',
      mappingVariable: 'deliveryType',
      options: [{ label: 'E', value: 'email' }],
    },
  ],
  exitScreens: [
    {
      title: 'Hi {firstname}',
      body: [
        {
          type: 'paragraph',
          children: [{ type: 'text', text: 'By {deliveryType}: {coupon.code}' }],
        },
      ],
      match: 'default',
    },
  ],
};

const participation = {
  id: 1,
  documentId: 'p',
  reference: 'cl_x',
  answers: { name: 'Ada & Bo', how: 'email' },
  email: 'a@b.se',
  phone: null,
  firstName: 'Ada & Bo',
  deliveryType: 'email' as const,
  score: null,
  profile: null,
  exitScreenIndex: 0,
  tokenHash: 'h',
};

const coupon = (delivery: 'button' | 'automatic') =>
  ({
    status: 'issued',
    delivery,
    channel: 'email',
    code: '7654321',
    redeemUrl: 'https://r',
    expiresAt: '2030-01-01T00:00:00.000Z',
  }) as never;

describe('the participant view', () => {
  it('fills mapping variables from the fields bound to them, escaped', () => {
    expect(view.toPublicView(participation, campaign, coupon('button')).exitScreen).toEqual({
      title: 'Hi Ada &amp; Bo',
      blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'By email: 7654321' }] }],
      html: '<p>By email: 7654321</p>',
    });
  });

  it('never shows an Automatic coupon, even in the text', () => {
    const result = view.toPublicView(participation, campaign, coupon('automatic'));
    expect(result.coupon).toEqual({ status: 'issued', delivery: 'automatic', channel: 'email' });
    expect(result.exitScreen?.html).toBe('<p>By email: </p>');
  });

  it('shows pending for a coupon that needs attention (ClearOn may have made it)', () => {
    const attention = { ...(coupon('button') as object), status: 'needs_attention' } as never;
    expect(view.toPublicView(participation, campaign, attention).coupon).toEqual({
      status: 'pending',
      delivery: 'button',
      channel: 'email',
    });
  });

  it('shows failed for a dead coupon, without details', () => {
    const dead = { ...(coupon('button') as object), status: 'dead' } as never;
    expect(view.toPublicView(participation, campaign, dead).coupon).toEqual({
      status: 'failed',
      delivery: 'button',
      channel: 'email',
    });
  });
});
