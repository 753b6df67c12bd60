import type { Core } from '@strapi/strapi';
import { CAMPAIGN_POPULATE, type Campaign, type CouponSettings } from '../domain/campaign';
import { couponEligibility } from '../domain/campaign-rules';
import { renderExitScreenBody, type Blocks } from '../domain/blocks';
import { escapeHtml, renderTemplate } from '../domain/render';
import { getService } from '../utils/get-service';
import { createPluginClient } from '../utils/clearon-client';
import { UID } from '../utils/plugin-id';
import { pluginDocuments } from '../utils/plugin-documents';
import type { PublicCampaign } from './campaigns';
import { BUILT_IN_VARIABLES } from './mapping-variables';
import { issueTestCoupon, type TestCouponInput, type TestCouponResult } from './test-coupon';

export type { TestCouponInput, TestCouponResult };

/**
 * The editor's tools on a campaign: the preview (the participant's view of the form, and every exit
 * screen rendered with sample values) and the test coupon (one real ClearOn coupon sent to the
 * editor's own email or phone, outside the participations and the outbox).
 */

export type CampaignVersion = 'draft' | 'published';

/** The values the preview puts in the dynamic variables. */
export const SAMPLE = {
  firstname: 'Alex',
  email: 'alex@example.com',
  phone: '+46701234567',
  couponCode: '1234567',
  redeemUrl: 'https://coupon.example/preview',
  expiresInDays: 30,
} as const;

export interface PreviewExitScreen {
  index: number;
  /** HTML: the editor's title with the sample values escaped in. */
  title: string;
  /** The rich text with the sample values filled in (plain text), only safe links and images. */
  blocks: Blocks;
  /** HTML rendered on the server from `blocks`, sanitized. */
  html: string;
  match: 'default' | 'score' | 'profile';
  minScore: number | null;
  maxScore: number | null;
  profile: string | null;
  coupon: {
    couponCode: string;
    validityDays: number;
    delivery: 'automatic' | 'button';
    integration: string | null;
  } | null;
}

export interface CampaignPreview {
  documentId: string;
  status: CampaignVersion;
  campaign: PublicCampaign;
  exitScreens: PreviewExitScreen[];
  eligibility: { eligible: boolean; reasons: ('mode' | 'contact')[] };
  /** The sample coupon a Button exit screen shows (the participant's page shows ClearOn's). */
  sampleCoupon: { code: string; redeemUrl: string; expiresAt: string };
}

/** An exit screen that cannot be used for a test coupon (the controller answers 400). */
export class TestCouponScreenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TestCouponScreenError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

const couponOf = (coupon: CouponSettings | null | undefined): PreviewExitScreen['coupon'] =>
  coupon && typeof coupon === 'object' && typeof coupon.couponCode === 'string'
    ? {
        couponCode: coupon.couponCode,
        validityDays: coupon.validityDays,
        delivery: coupon.delivery,
        integration: coupon.integration ?? null,
      }
    : null;

/** Sample values for every variable a participant's answers would fill, by field type. */
const sampleAnswers = (campaign: Campaign, mappingVariables: string[]) => {
  const values: Record<string, unknown> = {};
  for (const name of mappingVariables) values[name] = `<${name}>`;
  for (const question of campaign.questions ?? []) values[question.key] = `<${question.key}>`;
  for (const field of campaign.fields ?? []) {
    const value =
      field.type === 'email'
        ? SAMPLE.email
        : field.type === 'phone'
          ? SAMPLE.phone
          : field.type === 'checkbox'
            ? true
            : field.type === 'hidden'
              ? (field.hiddenValue ?? '')
              : `<${field.key}>`;
    values[field.key] = value;
    if (field.mappingVariable) values[field.mappingVariable] = value;
  }
  return values;
};

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const client = createPluginClient(strapi);

  const load = (documentId: string, status: CampaignVersion) =>
    typeof documentId === 'string' && documentId.length > 0 && documentId.length <= 64
      ? pluginDocuments<Campaign>(strapi, 'campaign').findOne({
          documentId,
          status,
          populate: CAMPAIGN_POPULATE,
        })
      : Promise.resolve(null);

  /** The built-in CRM variables and the editors' mapping variables. */
  const mappingVariableNames = async () => {
    const rows = (await strapi.db
      .query(UID.mappingVariable)
      .findMany({ select: ['technicalName'] })) as Array<{ technicalName: string | null }>;
    return [
      ...BUILT_IN_VARIABLES.map((variable) => variable.technicalName),
      ...rows.map((row) => row.technicalName).filter((name): name is string => Boolean(name)),
    ];
  };

  return {
    load,

    /**
     * The campaign as its participants see it and every exit screen rendered with sample values
     * (firstname "Alex", the sample email and phone, each other variable as `<name>`, and for a
     * Button coupon the sample code, redeem link and expiry). Null when there is no such version.
     */
    async preview(
      documentId: string,
      status: CampaignVersion = 'draft',
      now = new Date()
    ): Promise<CampaignPreview | null> {
      const campaign = await load(documentId, status);
      if (!campaign) return null;
      const answers = sampleAnswers(campaign, await mappingVariableNames());
      const sampleCoupon = {
        code: SAMPLE.couponCode,
        redeemUrl: SAMPLE.redeemUrl,
        expiresAt: new Date(now.getTime() + SAMPLE.expiresInDays * DAY_MS).toISOString(),
      };
      const exitScreens = (campaign.exitScreens ?? []).map((screen, index) => {
        const coupon = couponOf(screen.coupon);
        // What the participant's page gets: the coupon's code and link only for a Button coupon.
        const shown = coupon?.delivery === 'button' ? sampleCoupon : null;
        const variables: Record<string, unknown> = {
          ...answers,
          firstname: SAMPLE.firstname,
          firstName: SAMPLE.firstname,
          email: SAMPLE.email,
          phone: SAMPLE.phone,
          score:
            campaign.format === 'quiz'
              ? screen.match === 'score'
                ? (screen.minScore ?? screen.maxScore ?? 0)
                : 0
              : null,
          profile: campaign.format === 'personality-test' ? (screen.profile ?? '<profile>') : null,
          'coupon.code': shown?.code,
          'coupon.redeemUrl': shown?.redeemUrl,
          'coupon.expiresAt': shown?.expiresAt,
        };
        return {
          index,
          title: renderTemplate(escapeHtml(screen.title ?? ''), variables),
          ...renderExitScreenBody(screen.body, variables),
          match: screen.match,
          minScore: screen.minScore ?? null,
          maxScore: screen.maxScore ?? null,
          profile: screen.profile ?? null,
          coupon,
        };
      });
      const { eligible, reasons } = couponEligibility(campaign);
      return {
        documentId: campaign.documentId,
        status,
        campaign: getService(strapi, 'campaigns').toPublicView(campaign),
        exitScreens,
        eligibility: { eligible, reasons },
        sampleCoupon,
      };
    },

    /**
     * Issues one real coupon with the exit screen's settings to the given email (delivery email) or
     * phone (delivery sms), through the screen's integration (or the default one). Writes nothing:
     * no participation, no coupon row. Throws TestCouponScreenError for a screen without a coupon.
     */
    async sendTestCoupon(campaign: Campaign, input: TestCouponInput): Promise<TestCouponResult> {
      const screens = campaign.exitScreens ?? [];
      const screen = screens[input.exitScreenIndex];
      if (!screen) {
        throw new TestCouponScreenError(
          screens.length === 0
            ? 'must point to an exit screen, and this campaign has none'
            : `must be from 0 to ${screens.length - 1}: the campaign has ${screens.length} exit screen(s)`
        );
      }
      const settings = couponOf(screen.coupon);
      if (!settings) {
        throw new TestCouponScreenError(
          `points to the exit screen "${screen.title}", which has no ClearOn coupon`
        );
      }
      return issueTestCoupon({ strapi, client }, campaign, settings, input);
    },
  };
};

export default service;
