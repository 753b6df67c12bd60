import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { getTranslation } from './utils/getTranslation';
import { prefixPluginTranslations } from './utils/prefixPluginTranslations';

type StrapiAdminApp = {
  registerPlugin: (plugin: { id: string; name: string; isReady?: boolean }) => void;
  customFields: { register: (field: unknown) => void };
};

export default {
  register(app: StrapiAdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID, isReady: true });

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
