import { Badge, Flex, IconButton, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { Trigger, TriggerContentType } from '../../api/triggers';
import { SettingsTable } from './SettingsTable';
import { triggerMessages as messages } from './triggerMessages';

export interface TriggersTableProps {
  triggers: Trigger[];
  contentTypes: TriggerContentType[];
  /** Shows edit and delete on the triggers made in the admin (config ones are read-only). */
  canUpdate: boolean;
  onEdit: (trigger: Trigger) => void;
  onDelete: (trigger: Trigger) => void;
}

const CHANNELS = {
  email: messages.channelEmail,
  sms: messages.channelSms,
  entry: messages.channelEntry,
} as const;

/** The coupon triggers, config ones marked "Config" and without actions. */
export const TriggersTable = ({
  triggers,
  contentTypes,
  canUpdate,
  onEdit,
  onDelete,
}: TriggersTableProps) => {
  const { formatMessage } = useIntl();
  const typeName = (uid: string) =>
    contentTypes.find((type) => type.uid === uid)?.displayName ?? uid;

  return (
    <SettingsTable
      columns={[
        messages.columnName,
        messages.columnKey,
        messages.columnContentType,
        messages.columnEvent,
        messages.columnCouponCode,
        messages.columnDelivery,
        messages.columnEnabled,
      ]}
      rowCount={triggers.length}
    >
      {triggers.map((trigger) => (
        <Tr key={trigger.key}>
          <Td>
            <Flex gap={2} wrap="wrap">
              <Typography fontWeight="semiBold" textColor="neutral800">
                {trigger.name}
              </Typography>
              {trigger.source === 'config' ? (
                <Badge variant="neutral" title={formatMessage(messages.configHint)}>
                  {formatMessage(messages.configBadge)}
                </Badge>
              ) : null}
            </Flex>
          </Td>
          <Td>
            <Typography textColor="neutral800" style={{ fontFamily: 'monospace' }}>
              {trigger.key}
            </Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800" title={trigger.contentType}>
              {typeName(trigger.contentType)}
            </Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">
              {formatMessage(
                trigger.event === 'publish' ? messages.eventPublish : messages.eventCreate
              )}
            </Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800" style={{ fontFamily: 'monospace' }}>
              {trigger.couponCode}
            </Typography>
          </Td>
          <Td>
            <Flex direction="column" alignItems="flex-start">
              <Typography textColor="neutral800">
                {formatMessage(
                  trigger.delivery === 'button'
                    ? messages.deliveryButton
                    : messages.deliveryAutomatic
                )}
              </Typography>
              {trigger.delivery === 'automatic' ? (
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(CHANNELS[trigger.channel] ?? messages.channelEntry)}
                </Typography>
              ) : null}
            </Flex>
          </Td>
          <Td>
            <Badge variant={trigger.enabled ? 'success' : 'neutral'}>
              {formatMessage(trigger.enabled ? messages.enabledOn : messages.enabledOff)}
            </Badge>
          </Td>
          <Td>
            {canUpdate && trigger.source !== 'config' ? (
              <Flex gap={1} justifyContent="flex-end">
                <IconButton
                  label={formatMessage(messages.editLabel, { name: trigger.name })}
                  variant="ghost"
                  onClick={() => onEdit(trigger)}
                >
                  <Pencil />
                </IconButton>
                <IconButton
                  label={formatMessage(messages.deleteLabel, { name: trigger.name })}
                  variant="ghost"
                  onClick={() => onDelete(trigger)}
                >
                  <Trash />
                </IconButton>
              </Flex>
            ) : null}
          </Td>
        </Tr>
      ))}
    </SettingsTable>
  );
};
