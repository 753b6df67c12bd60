/** The CAPTCHA token is missing or the provider refused it: the participant tries again (400). */
export class CaptchaError extends Error {
  constructor(
    message: string,
    readonly errorCodes: string[] = []
  ) {
    super(message);
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
