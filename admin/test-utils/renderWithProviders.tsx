import * as React from 'react';
import { DesignSystemProvider } from '@strapi/design-system';
import { render, type RenderOptions } from '@testing-library/react';
import { IntlProvider } from 'react-intl';

import en from '../src/translations/en.json';
import { prefixPluginTranslations } from '../src/utils/prefixPluginTranslations';

/** Renders admin UI the way the Strapi admin does: design-system theme + react-intl (English). */
export const renderWithProviders = (ui: React.ReactElement, options?: RenderOptions) =>
  render(ui, {
    wrapper: ({ children }) => (
      <IntlProvider locale="en" messages={prefixPluginTranslations(en)} defaultLocale="en">
        <DesignSystemProvider locale="en">{children}</DesignSystemProvider>
      </IntlProvider>
    ),
    ...options,
  });
