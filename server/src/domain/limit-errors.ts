import { errors } from '../utils/errors';

export type LimitReason = 'once' | 'period' | 'recipient_daily_limit';

/**
 * A participation refused by a campaign rule about people: the public API answers 409 with
 * `details.reason` (and `details.retryAt` when waiting helps); the Content Manager shows the message.
 */
export class ParticipationLimitError extends errors.ApplicationError<
  'ParticipationLimitError',
  string,
  { reason: LimitReason; retryAt?: string }
> {
  constructor(message: string, details: { reason: LimitReason; retryAt?: string }) {
    super(message, details);
    this.name = 'ParticipationLimitError';
  }
}
