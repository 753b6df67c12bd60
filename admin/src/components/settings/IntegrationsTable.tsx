import type * as React from 'react';
import { IconButton, Switch, Typography } from '@strapi/design-system';
import { Play, Star } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { Integration } from '../../services/integrations';
import { LastCheck } from './LastCheck';
import { messages } from './messages';
import { NameCell, SettingsTable, type Column } from './SettingsTable';
import { useQuickUpdate } from './useQuickUpdate';

export interface IntegrationsTableProps {
  integrations: Integration[];
  /** Enables the switches. */
  canUpdate: boolean;
  onTest: (integration: Integration) => void;
  /** A row's Edit and Delete, after `extra` buttons (`SettingsCrud.actionsFor`). */
  actionsFor: (integration: Integration, extra: React.ReactNode) => React.ReactNode;
}

/** The ClearOn integrations: name and default badge, endpoint, on/off switch, last check. */
export const IntegrationsTable = ({
  integrations,
  canUpdate,
  onTest,
  actionsFor,
}: IntegrationsTableProps) => {
  const { formatMessage } = useIntl();
  const { busyId, quickUpdate } = useQuickUpdate();

  const columns: Column<Integration>[] = [
    {
      header: messages.columnName,
      cell: (integration) => (
        <NameCell
          name={integration.name}
          badge={integration.isDefault ? formatMessage(messages.defaultBadge) : null}
          primary
        />
      ),
    },
    {
      header: messages.columnEndpoint,
      maxWidth: '24rem',
      cell: ({ endpoint }) => (
        <Typography textColor="neutral800" ellipsis title={endpoint}>
          {endpoint}
        </Typography>
      ),
    },
    {
      header: messages.columnEnabled,
      cell: (integration) => (
        <Switch
          aria-label={formatMessage(messages.enabledLabel, { name: integration.name })}
          checked={integration.enabled}
          disabled={!canUpdate || busyId === integration.id}
          onLabel={formatMessage(messages.enabledOn)}
          offLabel={formatMessage(messages.enabledOff)}
          visibleLabels
          onCheckedChange={(enabled) =>
            quickUpdate(
              integration,
              { enabled },
              formatMessage(enabled ? messages.integrationEnabled : messages.integrationDisabled, {
                name: integration.name,
              })
            )
          }
        />
      ),
    },
    {
      header: messages.columnLastCheck,
      maxWidth: '20rem',
      cell: ({ lastCheck }) => <LastCheck lastCheck={lastCheck} />,
    },
  ];

  return (
    <SettingsTable
      columns={columns}
      rows={integrations}
      rowKey={(integration) => integration.id}
      actions={(integration) =>
        actionsFor(
          integration,
          <>
            <IconButton
              label={formatMessage(messages.actionTestLabel, { name: integration.name })}
              variant="ghost"
              onClick={() => onTest(integration)}
            >
              <Play />
            </IconButton>
            {integration.isDefault ? null : (
              <IconButton
                label={formatMessage(messages.actionMakeDefaultLabel, { name: integration.name })}
                variant="ghost"
                disabled={busyId === integration.id}
                onClick={() =>
                  quickUpdate(
                    integration,
                    { isDefault: true },
                    formatMessage(messages.integrationMadeDefault, { name: integration.name })
                  )
                }
              >
                <Star />
              </IconButton>
            )}
          </>
        )
      }
    />
  );
};
