import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { yup } from '@strapi/utils';
import { errors } from '../utils/errors';
import { fieldError, objectSchema, validateBody } from '../validation/toolkit';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { TestCouponScreenError, type CampaignVersion } from '../services/campaign-tools';
import { getPluginConfig } from '../utils/get-plugin-config';
import { getService } from '../utils/get-service';

// The test-coupon body carries the editor's email or phone: nothing here logs it, and a refused
// request does not echo it back.

const MAX_EMAIL = 254;
const MAX_PHONE = 32;
// The HTML5 email syntax, as participants' email fields are checked (server/src/domain/answers.ts).
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const VERSIONS: CampaignVersion[] = ['draft', 'published'];

const notFound = (documentId: unknown, status: CampaignVersion) =>
  new errors.NotFoundError(
    status === 'published'
      ? `No published campaign has the id "${String(documentId).slice(0, 64)}"`
      : `No campaign has the id "${String(documentId).slice(0, 64)}"`
  );

const given = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Absent, null and blank mean "not given"; anything else (even of the wrong type) is given. */
const present = (value: unknown) =>
  value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

const readVersion = (value: unknown): CampaignVersion => {
  if (value === undefined) return 'draft';
  if (!VERSIONS.includes(value as CampaignVersion))
    throw fieldError('status', 'status must be "draft" or "published"');
  return value as CampaignVersion;
};

const testCouponSchema = (defaultCountry: CountryCode) =>
  objectSchema(
    {
      exitScreenIndex: yup
        .number()
        .typeError("${path} must be a whole number (the exit screen's position, from 0)")
        .required('${path} is required: choose the exit screen whose coupon to test')
        .integer("${path} must be a whole number (the exit screen's position, from 0)")
        .min(0, '${path} must be 0 or more'),
      email: yup
        .string()
        .nullable()
        .typeError('${path} must be text')
        .test('email', '${path} must be a valid email address', (value) => {
          if (!given(value)) return true;
          const text = value.trim();
          return text.length <= MAX_EMAIL && EMAIL_RE.test(text);
        }),
      phone: yup
        .string()
        .nullable()
        .typeError('${path} must be text')
        .test(
          'phone',
          `\${path} must be a valid phone number (international, e.g. +46701234567, or national for ${defaultCountry})`,
          (value) => {
            if (!given(value)) return true;
            const text = value.trim();
            if (text.length > MAX_PHONE) return false;
            return parsePhoneNumberFromString(text, defaultCountry)?.isValid() === true;
          }
        ),
      status: yup.mixed().oneOf([...VERSIONS, undefined], '${path} must be "draft" or "published"'),
    },
    'a test coupon request'
  ).test('one-contact', function check(value: unknown) {
    if (!value || typeof value !== 'object') return true;
    const { email, phone } = value as { email?: unknown; phone?: unknown };
    if (!present(email) && !present(phone)) {
      return this.createError({
        path: 'email',
        message:
          'email or phone is required: give the email address or the phone number to send the test coupon to',
      });
    }
    if (present(email) && present(phone)) {
      return this.createError({
        path: 'phone',
        message: 'phone must be left out when email is given: a test coupon goes to one of them',
      });
    }
    return true;
  });

interface TestCouponBody {
  exitScreenIndex: number;
  email?: string | null;
  phone?: string | null;
  status?: CampaignVersion;
}

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const tools = () => getService(strapi, 'campaign-tools');

  return {
    /** GET /campaigns/:documentId/preview?status=draft|published */
    async preview(ctx: Context) {
      const status = readVersion((ctx.query as Record<string, unknown>).status);
      const preview = await tools().preview(ctx.params.documentId, status);
      if (!preview) throw notFound(ctx.params.documentId, status);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: preview };
    },

    /** POST /campaigns/:documentId/test-coupon {exitScreenIndex, email | phone, status?} */
    async testCoupon(ctx: Context) {
      const defaultCountry = (getPluginConfig(strapi).defaultCountry || 'SE') as CountryCode;
      const body = await validateBody<TestCouponBody>(
        testCouponSchema(defaultCountry),
        ctx.request.body
      );
      const status = body.status ?? 'draft';
      const campaign = await tools().load(ctx.params.documentId, status);
      if (!campaign) throw notFound(ctx.params.documentId, status);
      const email = given(body.email) ? body.email.trim().toLowerCase() : undefined;
      const phone = given(body.phone)
        ? parsePhoneNumberFromString(body.phone.trim(), defaultCountry)?.number
        : undefined;
      try {
        ctx.body = {
          data: await tools().sendTestCoupon(campaign, {
            exitScreenIndex: body.exitScreenIndex,
            ...(email ? { email } : { phone }),
          }),
        };
      } catch (error) {
        if (error instanceof TestCouponScreenError)
          throw fieldError('exitScreenIndex', `exitScreenIndex ${error.message}`);
        throw error;
      }
    },
  };
};

export default controller;
