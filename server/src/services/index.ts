import integrations from './integrations';
import secretBox from './secret-box';
import integrationTester from './integration-tester';
import mappingVariables from './mapping-variables';
import campaigns from './campaigns';
import participations from './participations';
import coupons from './coupons';
import couponExport from './coupon-export';
import issuer from './issuer';
import privacy from './privacy';
import campaignTools from './campaign-tools';
import limits from './limits';
import captcha from './captcha';
import triggers from './triggers';
import triggerCoupons from './trigger-coupons';
import triggerSweep from './trigger-sweep';
import webhookEvents from './webhook-events';
import webhookSubscriptions from './webhook-subscriptions';

export default {
  integrations,
  'secret-box': secretBox,
  'integration-tester': integrationTester,
  'mapping-variables': mappingVariables,
  campaigns,
  participations,
  coupons,
  'coupon-export': couponExport,
  issuer,
  privacy,
  'campaign-tools': campaignTools,
  limits,
  captcha,
  'webhook-events': webhookEvents,
  'webhook-subscriptions': webhookSubscriptions,
  triggers,
  'trigger-coupons': triggerCoupons,
  'trigger-sweep': triggerSweep,
};
