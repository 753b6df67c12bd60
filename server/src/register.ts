import type { Core } from '@strapi/strapi';
import { FORM_FIELD_CUSTOM_FIELDS, registerComponents } from './components';
import { registerGraphql } from './graphql';
import { campaignRules } from './document-middlewares/campaign-rules';
import { participationOutbox } from './document-middlewares/participation-outbox';
import { participationAdminRules } from './document-middlewares/participation-admin';
import { triggerOutbox } from './document-middlewares/trigger-outbox';
import { publicBodyGuard } from './middlewares/public-body-guard';
import { exitScreenBodyToBlocks } from './migrations/exit-screen-body-to-blocks';
import { tokenOutOfUrls } from './middlewares/token-out-of-urls';
import { registerWebhookEvents } from './services/webhook-events';
import { documentMiddleware } from './utils/document-middleware';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerComponents(strapi);
  // Runs before the schema sync changes the exit screen body's column type (see the migration).
  strapi.db.migrations.providers.internal.register(exitScreenBodyToBlocks);
  strapi.customFields.register({ name: 'coupon', plugin: 'clearon', type: 'json' });
  // A form field's mapping variable and condition, picked from lists in the admin; stored as strings.
  strapi.customFields.register(
    FORM_FIELD_CUSTOM_FIELDS.map((name) => ({ name, plugin: 'clearon', type: 'string' }))
  );
  // Subscribable by Strapi's webhooks (POST /admin/webhooks refuses events it does not know).
  registerWebhookEvents(strapi);
  strapi.documents.use(documentMiddleware(campaignRules(strapi)));
  // Outer to the outbox: a Content Manager create is checked before its coupon row is written.
  strapi.documents.use(documentMiddleware(participationAdminRules(strapi)));
  strapi.documents.use(documentMiddleware(participationOutbox(strapi)));
  strapi.documents.use(documentMiddleware(triggerOutbox(strapi)));
  // Ahead of every app middleware, so before strapi::body parses (or writes to disk) anything.
  strapi.server.use(publicBodyGuard(strapi));
  strapi.server.use(tokenOutOfUrls(strapi));
  // Only with @strapi/plugin-graphql: no shadow CRUD for the plugin's models, its public API instead.
  registerGraphql(strapi);
};

export default register;
