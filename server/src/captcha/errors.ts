import { errors } from '../utils/errors';
import { CAPTCHA_FIELD } from '../validation/participation-body';

/** The CAPTCHA token is missing or the provider refused it: the participant tries again (400). */
export class CaptchaError extends errors.ApplicationError<
  'CaptchaError',
  string,
  { errors: Array<{ path: string[]; message: string; name: string }>; errorCodes: string[] }
> {
  /** `reason` follows the field's name: "is required: complete the CAPTCHA". */
  constructor(reason: string, errorCodes: string[] = []) {
    super(`${CAPTCHA_FIELD} ${reason}`, {
      errors: [{ path: [CAPTCHA_FIELD], message: reason, name: 'CaptchaError' }],
      errorCodes,
    });
    this.name = 'CaptchaError';
  }
}

/**
 * The provider could not be asked (timeout, connection error, 5xx, an answer that is not one), or
 * no secret is configured for it: nothing is written without a check (503 with Retry-After).
 */
export class CaptchaUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptchaUnavailableError';
  }
}
