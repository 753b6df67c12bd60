/**
 * The plugin's GraphQL API: the public REST API's three operations for a campaign page, with the
 * same answers (docs/graphql.md). `JSON` and `DateTime` are the GraphQL plugin's scalars.
 */
export const typeDefs = /* GraphQL */ `
  "A published campaign open now: what GET /api/clearon/campaigns/:slug answers."
  type ClearonPublicCampaign {
    slug: String!
    title: String!
    "The locale of the texts (i18n code); send it with the participation."
    locale: String
    "The locales the campaign can be taken in."
    locales: [String!]!
    "identified (the participant gives an email or a phone number) or anonymous"
    mode: String!
    "form, quiz or personality-test"
    format: String!
    startsAt: DateTime
    endsAt: DateTime
    "The form fields, in order. Hidden fields are not listed: the server fills them in."
    fields: [ClearonPublicField!]!
    "The quiz or personality-test questions, in order; empty for a form."
    questions: [ClearonPublicQuestion!]!
    "The CAPTCHA the campaign asks for, or null."
    captcha: ClearonPublicCaptcha
  }

  type ClearonPublicField {
    "The answer's key in answers"
    key: String!
    label: String!
    "text, email, phone, choice (one of options[].value) or checkbox (a boolean)"
    type: String!
    required: Boolean!
    options: [ClearonPublicOption!]
    "Show (and send) the field only while the field showWhen.field has the value showWhen.value."
    showWhen: ClearonPublicShowWhen
  }

  type ClearonPublicShowWhen {
    field: String!
    value: String
  }

  type ClearonPublicQuestion {
    key: String!
    label: String!
    "The answer is one of the values (points and profiles stay on the server)."
    answers: [ClearonPublicOption!]!
  }

  type ClearonPublicOption {
    label: String!
    value: String!
  }

  type ClearonPublicCaptcha {
    "turnstile or hcaptcha"
    provider: String!
    siteKey: String
    script: String!
  }

  type ClearonPublicExitScreen {
    "HTML: the editor's title with the variables filled in, HTML-escaped."
    title: String!
    "Strapi's Blocks rich text, variables filled in as plain text."
    blocks: JSON!
    "The same text rendered on the server and sanitized."
    html: String!
  }

  """
  The participant's ClearOn coupon. code, redeemUrl and expiresAt only for an issued Button coupon;
  status unavailable (with reason and message) once the campaign's coupons are all given out.
  """
  type ClearonPublicCoupon {
    "pending, issued, failed or unavailable"
    status: String!
    "automatic or button"
    delivery: String
    "email, sms or none"
    channel: String
    code: String
    redeemUrl: String
    expiresAt: DateTime
    reason: String
    message: String
  }

  "A participation, as GET /api/clearon/participations/:id answers it."
  type ClearonPublicParticipation {
    id: ID!
    exitScreen: ClearonPublicExitScreen
    coupon: ClearonPublicCoupon
  }

  "A participation just sent, as POST /api/clearon/campaigns/:slug/participations answers it."
  type ClearonPublicParticipationCreated {
    id: ID!
    "The participant's secret for clearonParticipation; keep it, it is shown once."
    token: String!
    "True when idempotencyKey was sent before with the same answers: this is that participation."
    replayed: Boolean!
    exitScreen: ClearonPublicExitScreen
    coupon: ClearonPublicCoupon
  }

  type Query {
    "A published campaign open now, by slug; a NotFoundError otherwise."
    clearonCampaign(slug: String!, locale: String): ClearonPublicCampaign
    "A participation's exit screen and coupon (poll while the coupon is pending)."
    clearonParticipation(id: ID!, token: String!): ClearonPublicParticipation
  }

  type Mutation {
    "Takes part in a campaign: the REST POST's validation, limits, errors and rate limit."
    clearonParticipate(
      slug: String!
      answers: JSON!
      idempotencyKey: String
      captchaToken: String
      "The honeypot: empty or absent for a person."
      website: String
      locale: String
    ): ClearonPublicParticipationCreated
  }
`;

/** The operations, for the resolvers' config and the docs' schema excerpt. */
export const OPERATIONS = {
  query: ['clearonCampaign', 'clearonParticipation'],
  mutation: ['clearonParticipate'],
} as const;
