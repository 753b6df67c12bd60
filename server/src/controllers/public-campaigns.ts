import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { chooseChannel, validateAnswers, type FieldError } from '../domain/answers';
import { getPluginConfig } from '../utils/get-plugin-config';
import { errors } from '../utils/errors';
import { sendError } from '../utils/error-response';
import { getService } from '../utils/get-service';
import { tokenMatches } from '../utils/random';
import type { Campaign } from '../domain/campaign';
import type { ValidatedAnswers } from '../domain/answers';
import type { ParticipationRow } from '../services/participations';
import { CaptchaUnavailableError } from '../captcha/errors';
import { WIDGET_SCRIPTS } from '../captcha/providers';
import { URL_TOKEN_STATE } from '../middlewares/token-out-of-urls';
import { readParticipationBody } from '../validation/participation-body';
import { listLocale, openCampaignIn } from './open-campaign';
import { newDocumentIdLike, newToken } from '../utils/random';
import type { CouponRow } from '../services/coupons';
import {
  IDEMPOTENCY_HEADER,
  canonicalJson,
  parseIdempotencyKey,
  submissionKeyHash,
  submissionToken,
} from '../utils/submission-key';

const MAX_BODY_BYTES = 64 * 1024;
const CAPTCHA_RETRY_AFTER_S = 5;

const invalid = (message: string, problems: FieldError[]) =>
  new errors.ValidationError(message, {
    errors: problems.map((e) => ({ ...e, name: 'ValidationError' })),
  });

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const campaigns = () => getService(strapi, 'campaigns');
  const participations = () => getService(strapi, 'participations');
  const coupons = () => getService(strapi, 'coupons');

  /** 201 with the participant's view; in Button mode, first waits a moment for the coupon. */
  const answerParticipation = async (
    ctx: Context,
    campaign: Campaign,
    participation: ParticipationRow,
    token: string,
    written: CouponRow | null
  ) => {
    const { buttonWaitMs } = getPluginConfig(strapi);
    let coupon = written;
    if (coupon?.status === 'pending' && coupon.delivery === 'button' && buttonWaitMs > 0) {
      const settled = await getService(strapi, 'issuer').waitForSettled(coupon.id, buttonWaitMs);
      coupon = settled
        ? { ...coupon, ...settled }
        : await coupons().findByParticipation(participation.documentId);
    }
    ctx.status = 201;
    ctx.body = {
      data: { ...participations().toPublicView(participation, campaign, coupon), token },
    };
  };

  /** The same key sent again: the first participation's answer, never a second participation. */
  const replay = async (
    ctx: Context,
    campaign: Campaign,
    earlier: ParticipationRow,
    validated: ValidatedAnswers,
    token: string
  ) => {
    // Erasure clears the key, so only a participation erased by an older version gets here.
    if (earlier.erasedAt) {
      return sendError(
        ctx,
        409,
        `The participation sent with this ${IDEMPOTENCY_HEADER} has been erased`,
        { header: IDEMPOTENCY_HEADER }
      );
    }
    if (canonicalJson(earlier.answers) !== canonicalJson(validated.answers)) {
      return sendError(
        ctx,
        422,
        `This ${IDEMPOTENCY_HEADER} was already used with other answers: send new answers with a new key`,
        { header: IDEMPOTENCY_HEADER }
      );
    }
    ctx.set('Idempotent-Replayed', 'true');
    const coupon = await coupons().findByParticipation(earlier.documentId);
    return answerParticipation(ctx, campaign, earlier, token, coupon);
  };

  /**
   * A filled honeypot: answered like a success (the default exit screen, a made-up id) so that the
   * bot learns nothing, but nothing is written except the campaign's honeypot count.
   */
  const answerHoneypot = async (ctx: Context, campaign: Campaign) => {
    await getService(strapi, 'limits').countHoneypot(campaign.documentId);
    const screens = campaign.exitScreens ?? [];
    const index = screens.findIndex((screen) => screen.match === 'default');
    const decoy: ParticipationRow = {
      id: 0,
      documentId: newDocumentIdLike(),
      reference: '',
      answers: {},
      email: null,
      phone: null,
      firstName: null,
      deliveryType: null,
      score: null,
      profile: null,
      exitScreenIndex: index < 0 ? null : index,
      tokenHash: null,
    };
    ctx.status = 201;
    ctx.body = {
      data: { ...participations().toPublicView(decoy, campaign, null), token: newToken() },
    };
  };

  /**
   * The campaign's CAPTCHA, checked before anything is written (a CaptchaError is a 400). False
   * when it passed (or the campaign has none); true when it answered 503 itself.
   */
  const refusedByCaptcha = async (ctx: Context, campaign: Campaign, token: string | undefined) => {
    if (!campaign.captcha || campaign.captcha === 'none') return false;
    try {
      await getService(strapi, 'captcha').verify(campaign.captcha, token, ctx.ip);
      return false;
    } catch (error) {
      if (error instanceof CaptchaUnavailableError) {
        ctx.set('Retry-After', String(CAPTCHA_RETRY_AFTER_S));
        sendError(ctx, 503, `${error.message}: try again shortly`);
        return true;
      }
      throw error;
    }
  };

  return {
    /** The published campaigns open now: `{data: [{slug, title, format}]}`. */
    async find(ctx: Context) {
      ctx.body = { data: await campaigns().listOpen(new Date(), listLocale(ctx)) };
    },

    async findOne(ctx: Context) {
      const { campaign, locales } = await openCampaignIn(strapi, ctx);
      const provider = campaign.captcha && campaign.captcha !== 'none' ? campaign.captcha : null;
      const siteKey = provider ? await getService(strapi, 'captcha').siteKey(provider) : null;
      ctx.body = {
        data: {
          ...campaigns().toPublicView(campaign),
          locale: campaign.locale ?? null,
          locales,
          captcha: provider ? { provider, siteKey, script: WIDGET_SCRIPTS[provider] } : null,
        },
      };
    },

    async participate(ctx: Context) {
      if (Number(ctx.request.length ?? 0) > MAX_BODY_BYTES) {
        throw new errors.PayloadTooLargeError(`The body must be at most ${MAX_BODY_BYTES} bytes`);
      }
      const { campaign } = await openCampaignIn(strapi, ctx);
      const idempotency = parseIdempotencyKey(ctx.get(IDEMPOTENCY_HEADER) || undefined);
      if (!idempotency.ok) {
        throw invalid(`${IDEMPOTENCY_HEADER} header ${idempotency.message}`, [
          { path: ['headers', IDEMPOTENCY_HEADER], message: idempotency.message },
        ]);
      }

      if (!ctx.is('application/json')) {
        throw invalid('The body must be JSON', [
          { path: ['body'], message: 'must be application/json' },
        ]);
      }
      const body = ctx.request.body as unknown;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw invalid('The body must be a JSON object', [
          { path: ['body'], message: 'must be an object {"answers": {...}}' },
        ]);
      }
      const shape = readParticipationBody(body);
      if (!shape.ok) throw invalid('Invalid participation', shape.errors);
      if (shape.honeypotFilled) return answerHoneypot(ctx, campaign);

      const result = validateAnswers(campaign, shape.answers, {
        defaultCountry: getPluginConfig(strapi).defaultCountry,
      });
      if (!result.ok) {
        throw invalid(
          `Invalid answers: ${result.errors.map((e) => `${e.path.slice(1).join('.') || e.path[0]} ${e.message}`).join('; ')}`,
          result.errors
        );
      }
      if (campaign.mode === 'identified' && chooseChannel(result.value) === 'none') {
        const contactFields = (campaign.fields ?? []).filter(
          (f) => f.type === 'email' || f.type === 'phone'
        );
        if (contactFields.length > 0) {
          throw invalid(
            'An email or a phone number is required',
            contactFields.map((f) => ({
              path: ['answers', f.key],
              message: 'is required: this campaign needs an email or a phone number',
            }))
          );
        }
      }

      const keyed = idempotency.key
        ? {
            submissionKey: submissionKeyHash(campaign.documentId, idempotency.key),
            token: submissionToken(
              strapi.config.get('server.app.keys'),
              campaign.documentId,
              idempotency.key
            ),
          }
        : undefined;
      if (keyed) {
        const earlier = await participations().findBySubmissionKey(keyed.submissionKey);
        if (earlier) return replay(ctx, campaign, earlier, result.value, keyed.token);
      }

      // After the replay check: a resent request reuses a CAPTCHA token the provider has spent.
      if (await refusedByCaptcha(ctx, campaign, shape.captchaToken)) return;

      let submitted;
      try {
        submitted = await participations().submit(campaign, result.value, keyed);
      } catch (error) {
        // The same key sent twice at once: the database's unique index (or the person's limit)
        // lets one of them in, and the other answers as the first.
        const earlier = keyed && (await participations().findBySubmissionKey(keyed.submissionKey));
        if (earlier) return replay(ctx, campaign, earlier, result.value, keyed.token);
        // A ParticipationLimitError goes on to middlewares/limit-refusal (409).
        throw error;
      }
      return answerParticipation(
        ctx,
        campaign,
        submitted.participation,
        submitted.token,
        submitted.coupon
      );
    },

    async participation(ctx: Context) {
      // The header keeps the token out of request logs; ?token= is accepted for simple clients.
      const token =
        ctx.get('x-participation-token') || ctx.state[URL_TOKEN_STATE] || ctx.query.token;
      const documentId = ctx.params.id;
      if (typeof token !== 'string' || typeof documentId !== 'string' || documentId.length > 64) {
        throw new errors.NotFoundError('No such participation');
      }
      const participation = await participations().findByDocumentId(documentId);
      if (!participation || !tokenMatches(token, participation.tokenHash)) {
        throw new errors.NotFoundError('No such participation');
      }
      const campaign = participation.campaign
        ? await campaigns().findForParticipation(
            participation.campaign.documentId,
            participation.campaignLocale
          )
        : null;
      const coupon = await coupons().findByParticipation(participation.documentId);
      ctx.body = { data: participations().toPublicView(participation, campaign, coupon) };
    },
  };
};

export default controller;
