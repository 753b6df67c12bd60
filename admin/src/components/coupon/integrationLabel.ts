import type { IntlShape } from 'react-intl';

import { messages } from './messages';
import type { IntegrationOption } from './types';

type Format = IntlShape['formatMessage'];

/** "Default integration (Acme)", or "Default integration" when none is marked default. */
export const defaultIntegrationLabel = (
  formatMessage: Format,
  integrations: IntegrationOption[]
) => {
  const fallback = integrations.find((integration) => integration.isDefault);
  return fallback
    ? formatMessage(messages.integrationDefaultNamed, { name: fallback.name })
    : formatMessage(messages.integrationDefault);
};

/** An integration's name with its markers: "Acme (default)", "Old account (disabled)". */
export const integrationOptionLabel = (formatMessage: Format, integration: IntegrationOption) => {
  let label = integration.name;
  if (integration.isDefault) label = formatMessage(messages.integrationIsDefault, { name: label });
  if (!integration.enabled)
    label = formatMessage(messages.integrationDisabledOption, { name: label });
  return label;
};

/** What the coupon card shows for a stored integration id (`null` = the default integration). */
export const storedIntegrationLabel = (
  formatMessage: Format,
  integrations: IntegrationOption[],
  id: string | null,
  loading: boolean
) => {
  if (id === null) return defaultIntegrationLabel(formatMessage, integrations);
  const found = integrations.find((integration) => integration.id === id);
  if (found) return integrationOptionLabel(formatMessage, found);
  return loading ? formatMessage(messages.loading) : formatMessage(messages.integrationUnknown);
};
