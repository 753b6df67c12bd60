import type * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { Trigger, TriggerContentType } from '../../services/triggers';
import {
  NameCell,
  onOffColumn,
  SettingsTable,
  TextCell,
  textColumn,
  type Column,
} from './SettingsTable';
import { triggerMessages as messages } from './triggerMessages';

export interface TriggersTableProps {
  triggers: Trigger[];
  contentTypes: TriggerContentType[];
  /** A row's Edit and Delete (`SettingsCrud.actionsFor`). */
  actionsFor: (trigger: Trigger) => React.ReactNode;
}

const CHANNELS = {
  email: messages.channelEmail,
  sms: messages.channelSms,
  entry: messages.channelEntry,
} as const;

/** The coupon triggers, config ones marked "Config" and without actions. */
export const TriggersTable = ({ triggers, contentTypes, actionsFor }: TriggersTableProps) => {
  const { formatMessage } = useIntl();
  const typeName = (uid: string) =>
    contentTypes.find((type) => type.uid === uid)?.displayName ?? uid;

  const columns: Column<Trigger>[] = [
    {
      header: messages.columnName,
      cell: (trigger) => (
        <NameCell
          name={trigger.name}
          badge={trigger.source === 'config' ? formatMessage(messages.configBadge) : null}
          badgeHint={formatMessage(messages.configHint)}
        />
      ),
    },
    textColumn(messages.columnKey, (trigger) => trigger.key, true),
    {
      header: messages.columnContentType,
      cell: ({ contentType }) => <TextCell title={contentType}>{typeName(contentType)}</TextCell>,
    },
    textColumn(messages.columnEvent, ({ event }) =>
      formatMessage(event === 'publish' ? messages.eventPublish : messages.eventCreate)
    ),
    textColumn(messages.columnCouponCode, (trigger) => trigger.couponCode, true),
    {
      header: messages.columnDelivery,
      cell: ({ delivery, channel }) => (
        <Flex direction="column" alignItems="flex-start">
          <TextCell>
            {formatMessage(
              delivery === 'button' ? messages.deliveryButton : messages.deliveryAutomatic
            )}
          </TextCell>
          {delivery === 'automatic' ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(CHANNELS[channel] ?? messages.channelEntry)}
            </Typography>
          ) : null}
        </Flex>
      ),
    },
    onOffColumn(
      messages.columnEnabled,
      (trigger) => trigger.enabled,
      (on) => formatMessage(on ? messages.enabledOn : messages.enabledOff)
    ),
  ];

  return (
    <SettingsTable
      columns={columns}
      rows={triggers}
      rowKey={(trigger) => trigger.key}
      // Triggers declared in the plugin config are read-only.
      actions={(trigger) => (trigger.source === 'config' ? null : actionsFor(trigger))}
    />
  );
};
