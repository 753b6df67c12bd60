/**
 * shared/contracts/: the server and the admin read one set of limits, types and action strings.
 * These checks hold the server's side to it where it still keeps types of its own.
 */
import { actions, ACTION } from '../../server/src/permissions';
import { validateCouponSettings } from '../../server/src/domain/campaign-rules';
import type { CampaignPreview as ServerPreview } from '../../server/src/services/campaign-tools';
import { validateCouponCode, validateValidityDays } from '../../admin/src/utils/couponRules';
import { ACTIONS, PLUGIN_ID } from '../../shared/contracts/permissions';
import {
  COUPON_CODE_MAX_LENGTH,
  VALIDITY_DAYS_MAX,
  VALIDITY_DAYS_MIN,
} from '../../shared/contracts/coupon-settings';
import type { CampaignPreview } from '../../shared/contracts/preview';

// Compile-time: the preview the server builds is the one the admin reads (npm run typecheck).
const previewContract = (preview: ServerPreview): CampaignPreview => preview;
void previewContract;

const serverRefuses = (coupon: Record<string, unknown>) =>
  validateCouponSettings(
    { couponCode: 'SUMMER10', validityDays: 30, delivery: 'button', ...coupon },
    ['coupon']
  ).length > 0;

describe('shared contracts', () => {
  it('registers every action the routes and the admin check, under the plugin', () => {
    expect(ACTION).toBe(ACTIONS);
    const registered = actions.map(({ uid }) => `plugin::${PLUGIN_ID}.${uid}`).sort();
    expect(registered).toEqual(Object.values(ACTIONS).sort());
  });

  it('the coupon editor accepts exactly the coupon codes the server accepts', () => {
    const longest = 'C'.repeat(COUPON_CODE_MAX_LENGTH);
    expect(validateCouponCode(longest)).toBeNull();
    expect(serverRefuses({ couponCode: longest })).toBe(false);
    expect(validateCouponCode(`${longest}C`)).toBe('tooLong');
    expect(serverRefuses({ couponCode: `${longest}C` })).toBe(true);
  });

  it('the coupon editor accepts exactly the validity the server accepts', () => {
    for (const days of [VALIDITY_DAYS_MIN, VALIDITY_DAYS_MAX]) {
      expect(validateValidityDays(String(days))).toBeNull();
      expect(serverRefuses({ validityDays: days })).toBe(false);
    }
    for (const days of [VALIDITY_DAYS_MIN - 1, VALIDITY_DAYS_MAX + 1]) {
      expect(validateValidityDays(String(days))).toBe('outOfRange');
      expect(serverRefuses({ validityDays: days })).toBe(true);
    }
  });
});
