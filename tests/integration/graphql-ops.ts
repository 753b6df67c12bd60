/** The GraphQL documents of tests/integration/graphql.test.ts, and their answers' types. */

export interface Created {
  id: string;
  token: string;
  replayed: boolean;
  exitScreen: { title: string; html: string; blocks: unknown } | null;
  coupon: {
    status: string;
    delivery?: string;
    channel?: string;
    code?: string | null;
    expiresAt?: string | null;
  } | null;
}

const EXIT_SCREEN_AND_COUPON = `
  exitScreen { title blocks html }
  coupon { status delivery channel code redeemUrl expiresAt reason message }
`;

export const CAMPAIGN = `
  query Campaign($slug: String!, $locale: String) {
    clearonCampaign(slug: $slug, locale: $locale) {
      slug title locale locales mode format startsAt endsAt
      fields { key label type required options { label value } showWhen { field value } }
      questions { key label answers { label value } }
      captcha { provider siteKey script }
    }
  }
`;

export const PARTICIPATE = `
  mutation Participate($slug: String!, $answers: JSON!, $idempotencyKey: String) {
    clearonParticipate(slug: $slug, answers: $answers, idempotencyKey: $idempotencyKey) {
      id token replayed ${EXIT_SCREEN_AND_COUPON}
    }
  }
`;

export const PARTICIPATION = `
  query Participation($id: ID!, $token: String!) {
    clearonParticipation(id: $id, token: $token) { id ${EXIT_SCREEN_AND_COUPON} }
  }
`;

/**
 * What shadow CRUD would have generated for the plugin's models (Strapi's names: the plugin's name
 * then the model's): [what, document, the field the refusal must name, on which type]. Each
 * selects `documentId` only, so that the refusal can only be the root field's.
 */
export const PRIVATE_QUERIES: Array<[string, string, string, string]> = [
  ['participations', '{ clearonParticipations { documentId } }', 'clearonParticipations', 'Query'],
  ['coupons', '{ clearonCoupons { documentId } }', 'clearonCoupons', 'Query'],
  ['integrations', '{ clearonIntegrations { documentId } }', 'clearonIntegrations', 'Query'],
  [
    'mapping variables',
    '{ clearonMappingVariables { documentId } }',
    'clearonMappingVariables',
    'Query',
  ],
  ['limit counters', '{ clearonLimitCounters { documentId } }', 'clearonLimitCounters', 'Query'],
  ['triggers', '{ clearonTriggers { documentId } }', 'clearonTriggers', 'Query'],
  [
    'campaigns, drafts included',
    '{ clearonCampaigns(status: DRAFT) { documentId } }',
    'clearonCampaigns',
    'Query',
  ],
  [
    'a participation by mutation',
    'mutation { createClearonParticipation(data: {}) { documentId } }',
    'createClearonParticipation',
    'Mutation',
  ],
  [
    'a coupon deleted by mutation',
    'mutation { deleteClearonCoupon(documentId: "x") { documentId } }',
    'deleteClearonCoupon',
    'Mutation',
  ],
  [
    "a participation's email",
    '{ clearonParticipation(id: "x", token: "y") { email } }',
    'email',
    'ClearonPublicParticipation',
  ],
];

/** A copy without the null properties (REST omits what GraphQL answers as null). */
export const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== null)
      .map(([key, item]) => [key, withoutNulls(item)])
  );
};
