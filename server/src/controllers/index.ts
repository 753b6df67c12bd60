import health from './health';
import integrations from './integrations';
import mappingVariables from './mapping-variables';
import publicCampaigns from './public-campaigns';
import coupons from './coupons';
import privacy from './privacy';
import campaignTools from './campaign-tools';
import captchaSettings from './captcha-settings';
import webhooks from './webhooks';
import triggers from './triggers';
import { withSafeErrors } from '../utils/describe-error';

// Each action's errors reach Strapi's error log without SQL values (`privacy.erase` names the query).

export default {
  health: withSafeErrors('health', health),
  integrations: withSafeErrors('integrations', integrations),
  'mapping-variables': withSafeErrors('mapping-variables', mappingVariables),
  'public-campaigns': withSafeErrors('public-campaigns', publicCampaigns),
  coupons: withSafeErrors('coupons', coupons),
  privacy: withSafeErrors('privacy', privacy),
  'campaign-tools': withSafeErrors('campaign-tools', campaignTools),
  'captcha-settings': withSafeErrors('captcha-settings', captchaSettings),
  webhooks: withSafeErrors('webhooks', webhooks),
  triggers: withSafeErrors('triggers', triggers),
};
