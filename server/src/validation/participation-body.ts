import type { FieldError } from '../domain/answers';

/** The honeypot: a field people never see (the participant page hides it) and bots fill in. */
export const HONEYPOT_FIELD = 'website';
/** The CAPTCHA widget's token, when the campaign asks for a CAPTCHA. */
export const CAPTCHA_FIELD = 'captchaToken';

const KNOWN = new Set(['answers', HONEYPOT_FIELD, CAPTCHA_FIELD]);

export type ParticipationBody =
  | { ok: true; answers: unknown; honeypotFilled: boolean; captchaToken: string | undefined }
  | { ok: false; errors: FieldError[] };

/** The POST body's shape: `{answers, website?, captchaToken?}`; answers are checked later. */
export const readParticipationBody = (body: object): ParticipationBody => {
  const fields = body as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(fields)
    .filter((key) => !KNOWN.has(key))
    .map((key) => ({ path: [key], message: 'is not allowed' }));
  if (!('answers' in fields)) errors.push({ path: ['answers'], message: 'is required' });
  for (const key of [HONEYPOT_FIELD, CAPTCHA_FIELD]) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string') {
      errors.push({ path: [key], message: 'must be a string' });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const honeypot = fields[HONEYPOT_FIELD] as string | undefined;
  return {
    ok: true,
    answers: fields.answers,
    honeypotFilled: typeof honeypot === 'string' && honeypot.trim() !== '',
    captchaToken: fields[CAPTCHA_FIELD] as string | undefined,
  };
};
