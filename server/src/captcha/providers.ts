/**
 * The two CAPTCHA providers a campaign may ask for, and their documented `siteverify` contracts:
 * a form-encoded POST of `secret`, `response` (the widget's token) and optionally `remoteip`,
 * answered by `{"success": boolean, "error-codes": string[], ...}`.
 *   Cloudflare Turnstile: https://developers.cloudflare.com/turnstile/get-started/server-side-validation/
 *   hCaptcha:             https://docs.hcaptcha.com/#verify-the-user-response-server-side
 */
export const CAPTCHA_PROVIDERS = ['turnstile', 'hcaptcha'] as const;
export type CaptchaProvider = (typeof CAPTCHA_PROVIDERS)[number];

export const isCaptchaProvider = (value: unknown): value is CaptchaProvider =>
  CAPTCHA_PROVIDERS.includes(value as CaptchaProvider);

export const DEFAULT_VERIFY_URLS: Record<CaptchaProvider, string> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
};

/** The browser widget a participant page loads (docs/site-builders.md). */
export const WIDGET_SCRIPTS: Record<CaptchaProvider, string> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/api.js',
  hcaptcha: 'https://js.hcaptcha.com/1/api.js',
};

export interface SiteverifyAnswer {
  success: boolean;
  errorCodes: string[];
}

/** Reads a siteverify body; null when it is not one (then the provider is treated as down). */
export const readSiteverifyAnswer = (body: unknown): SiteverifyAnswer | null => {
  if (typeof body !== 'object' || body === null) return null;
  const { success, 'error-codes': codes } = body as { success?: unknown; 'error-codes'?: unknown };
  if (typeof success !== 'boolean') return null;
  const errorCodes = Array.isArray(codes)
    ? codes.filter((code): code is string => typeof code === 'string').slice(0, 10)
    : [];
  return { success, errorCodes };
};
