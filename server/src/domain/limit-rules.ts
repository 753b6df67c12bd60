import type { Campaign } from './campaign';
import type { Contact } from './identity';
import { ParticipationLimitError } from './limit-errors';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The campaign rules about people, decided on the counter rows a participation has locked (see
 * services/limits.ts): the rows, the plan, and the two checks.
 */
export type LockKey = [scope: string, subject: string];

export interface CounterRow {
  scope: string;
  subject: string;
  total: number;
  lastAtMs: number | null;
  recentMs: number[];
}

export interface LimitInput {
  campaign: Pick<Campaign, 'documentId' | 'participationLimit' | 'limitPeriodHours' | 'maxCoupons'>;
  contact: Contact;
  /** The chosen exit screen carries a coupon. */
  withCoupon: boolean;
}

export interface LimitPlan {
  input: LimitInput;
  keys: LockKey[];
  personScope: string;
  recipientPerDay: number | null;
  cap: number | null;
  /** The rows were created before the transaction (MySQL/MariaDB). */
  rowsReady: boolean;
}

export interface CampaignStock {
  campaignDocumentId: string;
  couponsWritten: number;
  honeypotHits: number;
}

export const NEW_ROW = { total: 0, last_at_ms: null, recent_ms: null };

export const toRow = (raw: Record<string, unknown>): CounterRow => ({
  scope: raw.scope as string,
  subject: raw.subject as string,
  total: Number(raw.total ?? 0),
  lastAtMs: raw.last_at_ms == null ? null : Number(raw.last_at_ms),
  recentMs: typeof raw.recent_ms === 'string' ? (JSON.parse(raw.recent_ms) as number[]) : [],
});

export const checkPerson = (rows: CounterRow[], input: LimitInput, now: number) => {
  const policy = input.campaign.participationLimit ?? 'once';
  const last = Math.max(...rows.map((row) => row.lastAtMs ?? -Infinity));
  if (!Number.isFinite(last)) return;
  if (policy === 'once') {
    throw new ParticipationLimitError('You have already taken part in this campaign', {
      reason: 'once',
    });
  }
  const periodMs = (input.campaign.limitPeriodHours ?? 24) * HOUR_MS;
  if (last + periodMs > now) {
    throw new ParticipationLimitError('You have already taken part in this campaign recently', {
      reason: 'period',
      retryAt: new Date(last + periodMs).toISOString(),
    });
  }
};

export const checkRecipient = (rows: CounterRow[], perDay: number, now: number) => {
  for (const row of rows) {
    row.recentMs = row.recentMs.filter((at) => at > now - DAY_MS);
    if (row.recentMs.length >= perDay) {
      throw new ParticipationLimitError(
        'This email address or phone number has received as many coupons as it may today',
        {
          reason: 'recipient_daily_limit',
          retryAt: new Date(Math.min(...row.recentMs) + DAY_MS).toISOString(),
        }
      );
    }
  }
};
