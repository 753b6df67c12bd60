import { yup } from '@strapi/utils';

export interface ClearonPluginConfig {
  /** Allow http:// and private/loopback/link-local ClearOn endpoints (local simulator, tests). */
  allowPrivateHosts: boolean;
  /** How long the public POST waits for a Button-mode coupon before answering `pending`. */
  buttonWaitMs: number;
  /** Country used to read national phone numbers (ISO 3166-1 alpha-2). */
  defaultCountry: string;
  /** Erase participant email, phone and answers this many days after participation (null: keep). */
  retentionDays: number | null;
  rateLimit: { enabled: boolean; max: number; windowMs: number };
  worker: {
    enabled: boolean;
    concurrency: number;
    pollIntervalMs: number;
    leaseMs: number;
    maxAttempts: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
  };
}

export const defaultConfig: ClearonPluginConfig = {
  allowPrivateHosts: false,
  buttonWaitMs: 2000,
  defaultCountry: 'SE',
  retentionDays: null,
  rateLimit: { enabled: true, max: 30, windowMs: 60_000 },
  worker: {
    enabled: true,
    concurrency: 10,
    pollIntervalMs: 500,
    leaseMs: 60_000,
    maxAttempts: 8,
    backoffBaseMs: 1_000,
    backoffMaxMs: 5 * 60_000,
  },
};

const schema = yup
  .object({
    allowPrivateHosts: yup.boolean(),
    buttonWaitMs: yup.number().integer().min(0).max(30_000),
    defaultCountry: yup.string().matches(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
    retentionDays: yup.number().integer().min(1).nullable(),
    rateLimit: yup.object({
      enabled: yup.boolean(),
      max: yup.number().integer().min(1),
      windowMs: yup.number().integer().min(1),
    }),
    worker: yup.object({
      enabled: yup.boolean(),
      concurrency: yup.number().integer().min(1).max(200),
      pollIntervalMs: yup.number().integer().min(10),
      leaseMs: yup.number().integer().min(1_000),
      maxAttempts: yup.number().integer().min(1).max(100),
      backoffBaseMs: yup.number().integer().min(1),
      backoffMaxMs: yup.number().integer().min(1),
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
