import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateYupSchema, yup } from '@strapi/utils';
import { errors, withHttpStatus } from '../utils/errors';
import { getService } from '../utils/get-service';

const eraseSchema = yup
  .object({
    email: yup.string().trim().email('must be a valid email address').max(254),
    phone: yup
      .string()
      .trim()
      .matches(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number like +46701234567'),
  })
  .noUnknown()
  .test('one-of', 'give an email or a phone number', (value) =>
    Boolean(value?.email || value?.phone)
  );

const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async erase(ctx: Context) {
    const body = (await validateYupSchema(eraseSchema)(ctx.request.body ?? {}).catch(
      (error: unknown) => {
        throw withHttpStatus(error);
      }
    )) as { email?: string; phone?: string };
    if (!body.email && !body.phone) {
      throw new errors.ValidationError('give an email or a phone number', {
        errors: [
          { path: ['email'], message: 'give an email or a phone number', name: 'ValidationError' },
        ],
      });
    }
    ctx.body = { data: await getService(strapi, 'privacy').eraseContact(body) };
  },
});

export default controller;
