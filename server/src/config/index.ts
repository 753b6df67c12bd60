import { DEFAULT_VERIFY_URLS } from '../captcha/providers';
import { yup } from '@strapi/utils';
import type { TriggerInput } from '../../../shared/contracts/triggers';

/** A rate limit budget: `points` requests per client address every `durationSec` seconds. */
export interface RateLimitBudget {
  points: number;
  durationSec: number;
}

export interface ClearonPluginConfig {
  /** Allow http:// and private/loopback/link-local ClearOn endpoints (local simulator, tests). */
  allowPrivateHosts: boolean;
  /** How long the public POST waits for a Button-mode coupon before answering `pending`. */
  buttonWaitMs: number;
  /** Country used to read national phone numbers (ISO 3166-1 alpha-2). */
  defaultCountry: string;
  /** Erase participant email, phone and answers this many days after participation (null: keep). */
  retentionDays: number | null;
  /** Per client address (an IPv6 address by its /64); the POST and the public GETs apart. */
  rateLimit: {
    enabled: boolean;
    post: RateLimitBudget;
    get: RateLimitBudget;
    /** A Redis URL (`redis://host:6379/0`): the counters live there, shared by every instance. */
    redisUrl: string | null;
  };
  captcha: {
    /** How long a CAPTCHA provider's siteverify may take before the POST answers 503. */
    timeoutMs: number;
    /** The siteverify URL per provider (the providers' own by default; a stand-in in tests). */
    verifyUrls: { turnstile: string; hcaptcha: string };
  };
  limits: {
    /** Coupons one email or phone may receive in 24 h, across every campaign (null: no ceiling). */
    recipientPerDay: number | null;
    /** Fold `+tag` and Gmail dots so that `a.da+1@gmail.com` is the same person as `ada@gmail.com`. */
    normalizeEmailAliases: boolean;
  };
  /**
   * Coupon triggers declared in code (read-only in the admin): a coupon for each entry of one of the
   * app's collection types. Checked against the content types at startup.
   */
  triggers: TriggerInput[];
  /** The periodic pass that issues for entries written behind the document service's back. */
  triggerSweep: {
    enabled: boolean;
    intervalMs: number;
    /** Entries written this long ago at most are looked at. */
    lookbackHours: number;
  };
  worker: {
    enabled: boolean;
    concurrency: number;
    pollIntervalMs: number;
    leaseMs: number;
    /** A coupon is retried this long after it was written (or retried by an admin), then `dead`. */
    retryForMs: number;
    /** Deprecated and ignored (retries are bounded by retryForMs); accepted so old configs boot. */
    maxAttempts?: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    /** 200/201 answers without a complete coupon before the coupon is `needs_attention`. */
    incompleteAnswerLimit: number;
    /** Per integration: after `failureThreshold` transient failures in a row, one probe per interval. */
    circuit: { failureThreshold: number; probeIntervalMs: number };
  };
}

export const defaultConfig: ClearonPluginConfig = {
  allowPrivateHosts: false,
  buttonWaitMs: 2000,
  defaultCountry: 'SE',
  retentionDays: null,
  rateLimit: {
    enabled: true,
    post: { points: 30, durationSec: 60 },
    get: { points: 300, durationSec: 60 },
    redisUrl: null,
  },
  limits: { recipientPerDay: 5, normalizeEmailAliases: false },
  captcha: { timeoutMs: 5_000, verifyUrls: { ...DEFAULT_VERIFY_URLS } },
  triggers: [],
  triggerSweep: { enabled: true, intervalMs: 60_000, lookbackHours: 24 },
  worker: {
    enabled: true,
    concurrency: 10,
    pollIntervalMs: 500,
    leaseMs: 60_000,
    retryForMs: 72 * 60 * 60_000,
    backoffBaseMs: 1_000,
    backoffMaxMs: 10 * 60_000,
    incompleteAnswerLimit: 3,
    circuit: { failureThreshold: 5, probeIntervalMs: 30_000 },
  },
};

const rateLimitBudget = yup
  .object({
    points: yup.number().integer().min(1),
    durationSec: yup.number().integer().min(1).max(86_400),
  })
  .noUnknown(true, '${path} has unknown keys: ${unknown} (the keys are points and durationSec)');

const schema = yup
  .object({
    allowPrivateHosts: yup.boolean(),
    buttonWaitMs: yup.number().integer().min(0).max(30_000),
    defaultCountry: yup.string().matches(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
    retentionDays: yup.number().integer().min(1).nullable(),
    rateLimit: yup
      .object({
        enabled: yup.boolean(),
        post: rateLimitBudget,
        get: rateLimitBudget,
        redisUrl: yup
          .string()
          .matches(/^rediss?:\/\//, 'rateLimit.redisUrl must be a redis:// or rediss:// URL')
          .nullable(),
      })
      .noUnknown(
        true,
        'rateLimit has unknown keys: ${unknown} (the keys are enabled, post, get and redisUrl; ' +
          'max and windowMs became post.points and post.durationSec)'
      ),
    captcha: yup
      .object({
        timeoutMs: yup.number().integer().min(100).max(30_000),
        verifyUrls: yup
          .object({
            turnstile: yup.string().url(),
            hcaptcha: yup.string().url(),
          })
          .noUnknown(),
      })
      .noUnknown(),
    limits: yup.object({
      recipientPerDay: yup.number().integer().min(1).nullable(),
      normalizeEmailAliases: yup.boolean(),
    }),
    // Each trigger is checked against the content types in bootstrap (they are not loaded yet here).
    triggers: yup.array().of(yup.object()),
    triggerSweep: yup
      .object({
        enabled: yup.boolean(),
        intervalMs: yup.number().integer().min(1_000),
        lookbackHours: yup
          .number()
          .integer()
          .min(1)
          .max(24 * 90),
      })
      .noUnknown(true, 'triggerSweep has unknown keys: ${unknown}'),
    worker: yup.object({
      enabled: yup.boolean(),
      concurrency: yup.number().integer().min(1).max(200),
      pollIntervalMs: yup.number().integer().min(10),
      leaseMs: yup.number().integer().min(1_000),
      retryForMs: yup.number().integer().min(1_000),
      maxAttempts: yup.number().integer().min(1),
      backoffBaseMs: yup.number().integer().min(1),
      backoffMaxMs: yup.number().integer().min(1),
      incompleteAnswerLimit: yup.number().integer().min(1).max(100),
      circuit: yup
        .object({
          failureThreshold: yup.number().integer().min(1).max(1_000),
          probeIntervalMs: yup.number().integer().min(100),
        })
        .noUnknown(true, 'worker.circuit has unknown keys: ${unknown}'),
    }),
  })
  .noUnknown();

export default {
  default: defaultConfig,
  validator(config: unknown) {
    try {
      schema.validateSync(config, { strict: true, abortEarly: false });
    } catch (error) {
      const errors = (error as { errors?: string[] }).errors ?? [String(error)];
      throw new Error(`Invalid clearon plugin config: ${errors.join('; ')}`);
    }
  },
};
