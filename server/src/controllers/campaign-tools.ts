import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors, validateYupSchema, yup } from '@strapi/utils';
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
const KNOWN_KEYS = ['exitScreenIndex', 'email', 'phone', 'status'];
const VERSIONS: CampaignVersion[] = ['draft', 'published'];

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(`${path} ${message}`, {
    errors: [{ path: [path], message: `${path} ${message}`, name: 'ValidationError' }],
  });

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
    throw fieldError('status', 'must be "draft" or "published"');
  return value as CampaignVersion;
};

const testCouponSchema = (defaultCountry: CountryCode) =>
  yup
    .object({
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
    })
    .typeError('The request body must be a JSON object')
    .test('known-keys', function check(value: unknown) {
      if (!value || typeof value !== 'object') return true;
      const unknown = Object.keys(value).filter((key) => !KNOWN_KEYS.includes(key));
      if (unknown.length === 0) return true;
      return new yup.ValidationError(
        unknown.map(
          (key) =>
            new yup.ValidationError(
              `${key} is not a field of a test coupon request (allowed: ${KNOWN_KEYS.join(', ')})`,
              undefined,
              key
            )
        )
      );
    })
    .test('one-contact', function check(value: unknown) {
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

/** Strapi's validation, with one readable message and no echoed values. */
const validate = async (schema: yup.AnySchema, body: unknown): Promise<TestCouponBody> => {
  try {
    return (await validateYupSchema(schema)(body ?? {})) as TestCouponBody;
  } catch (error) {
    if (error instanceof errors.ValidationError) {
      const details = error.details as { errors?: Array<Record<string, unknown>> };
      if (Array.isArray(details?.errors)) {
        details.errors = details.errors.map(({ path, message, name }) => ({ path, message, name }));
        error.message = details.errors.map(({ message }) => String(message)).join('; ');
      }
    }
    throw error;
  }
};

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
      const body = await validate(testCouponSchema(defaultCountry), ctx.request.body);
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
          throw fieldError('exitScreenIndex', error.message);
        throw error;
      }
    },
  };
};

export default controller;
