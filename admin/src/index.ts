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

type SettingsLink = Parameters<StrapiAdminApp['addSettingsLink']>[1][number];

/** The pages under Settings → ClearOn, by path (`/settings/clearon/<path>`): their link's label… */
const SETTINGS_LABELS = {
  integrations: ['settings.integrations.link', 'Integrations'],
  'mapping-variables': ['settings.mappingVariables.link', 'Mapping variables'],
  'bot-checks': ['settings.captcha.link', 'Bot checks'],
  webhooks: ['settings.webhooks.link', 'Webhooks'],
  triggers: ['settings.triggers.link', 'Coupon triggers'],
} as const;

type SettingsPath = keyof typeof SETTINGS_LABELS;

/** …and the page, loaded lazily. */
const SETTINGS_PAGES: Record<SettingsPath, SettingsLink['Component']> = {
  integrations: () => import('./pages/Settings/IntegrationsPage'),
  'mapping-variables': () => import('./pages/Settings/MappingVariablesPage'),
  'bot-checks': () => import('./pages/Settings/BotChecksPage'),
  webhooks: () => import('./pages/Settings/WebhooksPage'),
  triggers: () => import('./pages/Settings/TriggersPage'),
};

/** A settings link (settings.read to see it). */
const settingsLink = (
  path: SettingsPath,
  [label, defaultMessage]: (typeof SETTINGS_LABELS)[SettingsPath],
  Component: SettingsLink['Component']
): SettingsLink => ({
  id: `${PLUGIN_ID}-${path}`,
  to: `${PLUGIN_ID}/${path}`,
  intlLabel: { id: getTranslation(label), defaultMessage },
  permissions: SETTINGS_PERMISSIONS.read,
  Component,
});

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

    // Settings → ClearOn: integrations, mapping variables, bot checks, webhooks, coupon triggers.
    app.addSettingsLink(
      {
        id: PLUGIN_ID,
        intlLabel: { id: getTranslation('settings.section'), defaultMessage: 'ClearOn' },
      },
      (Object.keys(SETTINGS_PAGES) as SettingsPath[]).map((path) =>
        settingsLink(path, SETTINGS_LABELS[path], SETTINGS_PAGES[path])
      )
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
