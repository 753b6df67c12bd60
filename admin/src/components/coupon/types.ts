import type { CouponValue } from '../../utils/couponRules';

/** One entry of `GET /clearon/integration-options` (the API key never reaches the admin). */
export interface IntegrationOption {
  /** The integration's documentId, stored in the coupon value. */
  id: string;
  name: string;
  isDefault: boolean;
  enabled: boolean;
}

export type IntegrationsStatus = 'loading' | 'ready' | 'error';

/** The event the field emits: Strapi's form `onChange` reads `target.name` and `target.value`. */
export interface CouponChangeEvent {
  target: { name: string; value: CouponValue | null; type: 'json' };
}
