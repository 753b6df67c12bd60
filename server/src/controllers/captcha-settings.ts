import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '../utils/errors';
import { isCaptchaProvider } from '../captcha/providers';
import { getService } from '../utils/get-service';

// Request bodies carry the CAPTCHA secret: nothing here logs them.

type Problem = { path: string[]; message: string };

const readInput = (body: unknown) => {
  const problems: Problem[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problems: [{ path: ['body'], message: 'must be an object {siteKey, secret?}' }] };
  }
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (key !== 'siteKey' && key !== 'secret')
      problems.push({ path: [key], message: 'is not allowed' });
  }
  const { siteKey, secret } = fields;
  if (typeof siteKey !== 'string' || !/^[\x21-\x7E]{1,200}$/.test(siteKey)) {
    problems.push({ path: ['siteKey'], message: 'must be 1 to 200 visible characters, no spaces' });
  }
  if (
    secret !== undefined &&
    (typeof secret !== 'string' || !/^[\x21-\x7E]{1,500}$/.test(secret))
  ) {
    problems.push({ path: ['secret'], message: 'must be 1 to 500 visible characters, no spaces' });
  }
  return { problems, input: { siteKey: siteKey as string, secret: secret as string | undefined } };
};

/** Settings → ClearOn → Bot checks: the CAPTCHA providers' site keys and write-only secrets. */
const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'captcha').list() };
  },

  async update(ctx: Context) {
    const { provider } = ctx.params;
    if (!isCaptchaProvider(provider)) {
      throw new errors.NotFoundError('No such CAPTCHA provider: use turnstile or hcaptcha');
    }
    const { problems, input } = readInput(ctx.request.body);
    if (problems.length > 0 || !input) {
      throw new errors.ValidationError(
        problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; '),
        { errors: problems.map((p) => ({ ...p, name: 'ValidationError' })) }
      );
    }
    ctx.body = { data: await getService(strapi, 'captcha').save(provider, input) };
  },
});

export default controller;
