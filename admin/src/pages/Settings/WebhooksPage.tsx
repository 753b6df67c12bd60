import * as React from 'react';
import { Checkbox, Flex, LinkButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import {
  WEBHOOK_EVENT_LIST,
  useGetWebhooksQuery,
  useSubscribeWebhookMutation,
  type WebhookEvent,
  type WebhookSubscription,
} from '../../services/webhooks';
import {
  EmptyState,
  SettingsLayout,
  withSettingsPermission,
} from '../../components/settings/SettingsLayout';
import { NameCell, onOffColumn, SettingsTable } from '../../components/settings/SettingsTable';
import { useNotifiedSave } from '../../components/settings/useNotifiedSave';
import { useSettingsRBAC } from '../../components/settings/useSettingsRBAC';
import { eventMessages, webhookMessages } from '../../components/settings/webhookMessages';

/** Strapi's own webhooks page, where webhooks are created, edited and deleted. */
const STRAPI_WEBHOOKS = '/settings/webhooks';

/** A box per ClearOn event, ticked for the ones the webhook gets; a click saves. */
const WebhookEvents = ({
  webhook,
  canUpdate,
}: {
  webhook: WebhookSubscription;
  canUpdate: boolean;
}) => {
  const { formatMessage } = useIntl();
  const [subscribe] = useSubscribeWebhookMutation();
  const save = useNotifiedSave();
  const [events, setEvents] = React.useState<WebhookEvent[]>(webhook.events);
  const [saving, setSaving] = React.useState(false);
  React.useEffect(() => setEvents(webhook.events), [webhook.events]);

  const toggle = async (event: WebhookEvent, on: boolean) => {
    const next = WEBHOOK_EVENT_LIST.filter((e) => (e === event ? on : events.includes(e)));
    setEvents(next);
    setSaving(true);
    const refused = await save(
      () => subscribe({ id: webhook.id, events: next }).unwrap(),
      formatMessage(webhookMessages.saved, { name: webhook.name })
    );
    // Refused: the boxes show what is stored again.
    if (refused) setEvents(webhook.events);
    setSaving(false);
  };

  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      {WEBHOOK_EVENT_LIST.map((event) => (
        <Checkbox
          key={event}
          checked={events.includes(event)}
          disabled={!canUpdate || saving}
          aria-label={formatMessage(webhookMessages.eventLabel, {
            event: formatMessage(eventMessages[event]),
            name: webhook.name,
          })}
          onCheckedChange={(checked) => void toggle(event, checked === true)}
        >
          {formatMessage(eventMessages[event])}
        </Checkbox>
      ))}
    </Flex>
  );
};

/** Settings → ClearOn → Webhooks: which of the app's Strapi webhooks get the ClearOn events. */
export const WebhooksPage = () => {
  const { formatMessage } = useIntl();
  const { isLoading: rbacLoading, canUpdate } = useSettingsRBAC();
  const { data: webhooks = [], isLoading, isError, refetch } = useGetWebhooksQuery();

  const manage = (
    <LinkButton tag={NavLink} to={STRAPI_WEBHOOKS} variant="secondary">
      {formatMessage(webhookMessages.manage)}
    </LinkButton>
  );

  return (
    <SettingsLayout
      texts={webhookMessages}
      primaryAction={manage}
      loading={rbacLoading || isLoading}
      readOnly={!canUpdate}
      loadError={isError}
      onRetry={() => void refetch()}
    >
      {webhooks.length === 0 ? (
        <EmptyState content={formatMessage(webhookMessages.empty)} action={manage} />
      ) : (
        <SettingsTable
          columns={[
            {
              header: webhookMessages.columnName,
              cell: ({ name, otherEvents }) => (
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <NameCell name={name} />
                  {otherEvents.length > 0 ? (
                    <Typography variant="pi" textColor="neutral600">
                      {formatMessage(webhookMessages.otherEvents, { count: otherEvents.length })}
                    </Typography>
                  ) : null}
                </Flex>
              ),
            },
            {
              header: webhookMessages.columnUrl,
              cell: ({ url }) => (
                <Typography textColor="neutral800" style={{ wordBreak: 'break-all' }}>
                  {url}
                </Typography>
              ),
            },
            onOffColumn<WebhookSubscription>(
              webhookMessages.enabled,
              (webhook) => webhook.isEnabled,
              (on) => formatMessage(on ? webhookMessages.enabled : webhookMessages.disabled)
            ),
            {
              header: webhookMessages.columnEvents,
              cell: (webhook) => <WebhookEvents webhook={webhook} canUpdate={canUpdate} />,
            },
          ]}
          rows={webhooks}
          rowKey={(webhook) => webhook.id}
        />
      )}
    </SettingsLayout>
  );
};

export default withSettingsPermission(WebhooksPage);
