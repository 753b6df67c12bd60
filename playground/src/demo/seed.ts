import type { Core } from '@strapi/strapi';
import { DEMO_CAMPAIGNS } from './campaigns';

/**
 * The demo's data, written on every start when CLEARON_DEMO_SEED=true (scripts/demo.js sets it);
 * with CLEARON_DEMO_SEED=admin (`DEMO_SEED=admin npm run demo`), only the admin user.
 * Idempotent: the admin user and the integration follow the environment of this start; the mapping
 * variable and the campaigns are created when missing and left alone otherwise, so an editor's
 * changes survive a restart (delete the database file to start over).
 *
 * It only uses what any app can: Strapi's admin user service, the plugin's `integrations` service and
 * the Document Service. The plugin itself holds no demo code.
 */

const INTEGRATION_NAME = 'Demo ClearOn account';

const env = (name: string) => process.env[name]?.trim() || undefined;

type Uid = Parameters<Core.Strapi['documents']>[0];
const uid = (name: string) => `plugin::clearon.${name}` as Uid;

const seedAdmin = async (strapi: Core.Strapi) => {
  const email = (env('DEMO_ADMIN_EMAIL') ?? 'admin@example.com').toLowerCase();
  const password = env('DEMO_ADMIN_PASSWORD');
  if (!password) {
    strapi.log.warn('[demo] DEMO_ADMIN_PASSWORD is not set: no admin user created');
    return;
  }
  const users = strapi.service('admin::user');
  const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
  if (existing) {
    // The password printed by `npm run demo` must be the one that works.
    await users.updateById(existing.id, { password, isActive: true, blocked: false });
    return;
  }
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email,
    firstname: 'Demo',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
};

const seedIntegration = async (strapi: Core.Strapi) => {
  const endpoint = env('CLEARON_ENDPOINT');
  const apiKey = env('CLEARON_API_KEY');
  if (!endpoint || !apiKey) {
    strapi.log.warn('[demo] CLEARON_ENDPOINT or CLEARON_API_KEY is not set: no integration seeded');
    return;
  }
  const integrations = strapi.plugin('clearon').service('integrations');
  const input = {
    name: INTEGRATION_NAME,
    endpoint,
    apiKey,
    authHeaderName: env('CLEARON_AUTH_HEADER') ?? 'Authorization',
    enabled: true,
    isDefault: true,
  };
  const existing = ((await integrations.list()) as { id: string; name: string }[]).find(
    (integration) => integration.name === INTEGRATION_NAME
  );
  if (existing) await integrations.update(existing.id, input);
  else await integrations.create(input);
};

const seedMappingVariable = async (strapi: Core.Strapi) => {
  const existing = await strapi.db
    .query(uid('mapping-variable') as never)
    .findOne({ where: { technicalName: 'deliveryType' } });
  if (existing) return;
  await strapi.documents(uid('mapping-variable')).create({
    data: {
      label: 'Delivery type',
      technicalName: 'deliveryType',
      type: 'answer',
      availableInForms: true,
    },
  } as never);
};

const seedCampaigns = async (strapi: Core.Strapi) => {
  const campaigns = strapi.documents(uid('campaign'));
  for (const campaign of DEMO_CAMPAIGNS) {
    const existing = await campaigns.findFirst({
      filters: { slug: campaign.slug },
      status: 'draft',
    } as never);
    if (existing) continue;
    await campaigns.create({ data: campaign, status: 'published' } as never);
  }
};

export const seedDemo = async (strapi: Core.Strapi, { adminOnly = false } = {}) => {
  await seedAdmin(strapi);
  if (adminOnly) {
    strapi.log.info('[demo] seeded: admin user only (DEMO_SEED=admin)');
    return;
  }
  await seedIntegration(strapi);
  await seedMappingVariable(strapi);
  await seedCampaigns(strapi);
  strapi.log.info('[demo] seeded: admin user, integration, deliveryType, demo campaigns');
};
