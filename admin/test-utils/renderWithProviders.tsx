import * as React from 'react';
import { DesignSystemProvider } from '@strapi/design-system';
import { configureStore } from '@reduxjs/toolkit';
import { render, type RenderOptions } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { Provider } from 'react-redux';

import en from '../src/translations/en.json';
import { prefixPluginTranslations } from '../src/utils/prefixPluginTranslations';
import { adminApi } from './strapiAdminMock';

/** A fresh store per render, so that no RTK Query cache leaks from one test into the next. */
const newStore = () =>
  configureStore({
    reducer: { [adminApi.reducerPath]: adminApi.reducer },
    middleware: (getDefault) =>
      getDefault({ serializableCheck: false }).concat(adminApi.middleware),
  });

/**
 * Renders admin UI the way the Strapi admin does: the Redux store of the admin's RTK Query API
 * (the stand-in from strapiAdminMock), the design-system theme and react-intl (English).
 */
export const renderWithProviders = (ui: React.ReactElement, options?: RenderOptions) => {
  const store = newStore();
  return render(ui, {
    wrapper: ({ children }) => (
      <Provider store={store}>
        <IntlProvider locale="en" messages={prefixPluginTranslations(en)} defaultLocale="en">
          <DesignSystemProvider locale="en">{children}</DesignSystemProvider>
        </IntlProvider>
      </Provider>
    ),
    ...options,
  });
};
