import health from './health';
import integrations from './integrations';
import mappingVariables from './mapping-variables';
import publicCampaigns from './public-campaigns';
import coupons from './coupons';
import privacy from './privacy';
import campaignTools from './campaign-tools';
import captchaSettings from './captcha-settings';

export default {
  health,
  integrations,
  'mapping-variables': mappingVariables,
  'public-campaigns': publicCampaigns,
  coupons,
  privacy,
  'campaign-tools': campaignTools,
  'captcha-settings': captchaSettings,
};
