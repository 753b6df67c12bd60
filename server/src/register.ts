import type { Core } from '@strapi/strapi';
import { registerComponents } from './components';
import { campaignRules } from './document-middlewares/campaign-rules';
import { participationOutbox } from './document-middlewares/participation-outbox';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerComponents(strapi);
  strapi.customFields.register({ name: 'coupon', plugin: 'clearon', type: 'json' });
  strapi.documents.use(campaignRules(strapi) as never);
  strapi.documents.use(participationOutbox(strapi) as never);
};

export default register;
