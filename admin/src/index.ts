import type { ComponentType } from 'react';
import { ACTIONS, permission } from '../../shared/contracts/permissions';
import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { PERMISSIONS as SETTINGS_PERMISSIONS } from './components/settings/permissions';
import { CampaignToolsPanel } from './components/campaign-tools/CampaignToolsPanel';
import { EntryCouponsPanel } from './components/triggers/EntryCouponsPanel';
import { formFieldCustomFields } from './components/form-field/customFields';
import { getTranslation } from './utils/getTranslation';
import { prefixPluginTranslations } from './utils/prefixPluginTranslations';

type StrapiAdminApp = {
  registerPlugin: (plugin: { id: string; name: string; isReady?: boolean }) => void;
  customFields: { register: (field: unknown) => void };
  addMenuLink: (link: unknown) => void;
  router: { addRoute: (route: unknown) => void };
  addSettingsLink: (
    section: { id: string; intlLabel: { id: string; defaultMessage: string } },
    links: Array<{
      id: string;
      to: string;
      intlLabel: { id: string; defaultMessage: string };
      permissions: Array<{ action: string; subject: null }>;
      Component: () => Promise<{ default: ComponentType }>;
    }>
  ) => void;
};

type ContentManagerApis = { addEditViewSidePanel?: (panels: unknown[]) => void };

type StrapiAdminBootstrapApp = {
  getPlugin: (id: string) => { apis?: Record<string, unknown> } | undefined;
};

export default {
  register(app: StrapiAdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID, isReady: true });

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'ClearOn coupons' },
      permissions: [permission(ACTIONS.couponsRead)],
      Component: () => import('./pages/Coupons'),
    });

    // The campaign preview (opened from the campaign's edit view), without a menu link.
    app.router.addRoute({
      path: `plugins/${PLUGIN_ID}/preview/:documentId`,
      lazy: async () => ({ Component: (await import('./pages/Preview')).default }),
    });

    // Settings → ClearOn: Integrations and Mapping variables (settings.read to see them).
    app.addSettingsLink(
      {
        id: PLUGIN_ID,
        intlLabel: { id: getTranslation('settings.section'), defaultMessage: 'ClearOn' },
      },
      [
        {
          id: `${PLUGIN_ID}-integrations`,
          to: `${PLUGIN_ID}/integrations`,
          intlLabel: {
            id: getTranslation('settings.integrations.link'),
            defaultMessage: 'Integrations',
          },
          permissions: SETTINGS_PERMISSIONS.read,
          Component: () => import('./pages/Settings/IntegrationsPage'),
        },
        {
          id: `${PLUGIN_ID}-mapping-variables`,
          to: `${PLUGIN_ID}/mapping-variables`,
          intlLabel: {
            id: getTranslation('settings.mappingVariables.link'),
            defaultMessage: 'Mapping variables',
          },
          permissions: SETTINGS_PERMISSIONS.read,
          Component: () => import('./pages/Settings/MappingVariablesPage'),
        },
        {
          id: `${PLUGIN_ID}-bot-checks`,
          to: `${PLUGIN_ID}/bot-checks`,
          intlLabel: { id: getTranslation('settings.captcha.link'), defaultMessage: 'Bot checks' },
          permissions: SETTINGS_PERMISSIONS.read,
          Component: () => import('./pages/Settings/BotChecksPage'),
        },
        {
          id: `${PLUGIN_ID}-webhooks`,
          to: `${PLUGIN_ID}/webhooks`,
          intlLabel: { id: getTranslation('settings.webhooks.link'), defaultMessage: 'Webhooks' },
          permissions: SETTINGS_PERMISSIONS.read,
          Component: () => import('./pages/Settings/WebhooksPage'),
        },
        {
          id: `${PLUGIN_ID}-triggers`,
          to: `${PLUGIN_ID}/triggers`,
          intlLabel: {
            id: getTranslation('settings.triggers.link'),
            defaultMessage: 'Coupon triggers',
          },
          permissions: SETTINGS_PERMISSIONS.read,
          Component: () => import('./pages/Settings/TriggersPage'),
        },
      ]
    );

    app.customFields.register({
      name: 'coupon',
      pluginId: PLUGIN_ID,
      type: 'json',
      icon: PluginIcon,
      intlLabel: {
        id: getTranslation('customField.coupon.label'),
        defaultMessage: 'ClearOn coupon',
      },
      intlDescription: {
        id: getTranslation('customField.coupon.description'),
        defaultMessage: 'A ClearOn coupon issued to each participant who reaches this exit screen',
      },
      components: { Input: async () => import('./components/CouponInput') },
    });
    // A form field's mapping variable and "show when" field and value, picked from lists.
    app.customFields.register(formFieldCustomFields);
  },

  bootstrap(app: StrapiAdminBootstrapApp) {
    // The "ClearOn" side panel (Preview, Send a test coupon) in a campaign's edit view, and the
    // "ClearOn coupon" panel of an entry of the app's own types that a coupon trigger names.
    const cm = app.getPlugin('content-manager')?.apis as ContentManagerApis | undefined;
    cm?.addEditViewSidePanel?.([CampaignToolsPanel, EntryCouponsPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixPluginTranslations(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
