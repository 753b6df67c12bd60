import * as React from 'react';
import {
  Badge,
  Button,
  Checkbox,
  EmptyStateLayout,
  Flex,
  LinkButton,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { toApiProblem } from '../../api/errors';
import {
  WEBHOOK_EVENT_LIST,
  webhooksApi,
  type WebhookEvent,
  type WebhookSubscription,
} from '../../api/webhooks';
import { messages } from '../../components/settings/messages';
import { PERMISSIONS } from '../../components/settings/permissions';
import { SettingsTable } from '../../components/settings/SettingsTable';
import { useRemoteList } from '../../components/settings/useRemoteList';
import { useSettingsRBAC } from '../../components/settings/useSettingsRBAC';
import { eventMessages, webhookMessages } from '../../components/settings/webhookMessages';

/** Strapi's own webhooks page, where webhooks are created, edited and deleted. */
const STRAPI_WEBHOOKS = '/settings/webhooks';

const WebhookRow = ({
  webhook,
  canUpdate,
  onSaved,
}: {
  webhook: WebhookSubscription;
  canUpdate: boolean;
  onSaved: () => Promise<void>;
}) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient();
  const [events, setEvents] = React.useState<WebhookEvent[]>(webhook.events);
  const [saving, setSaving] = React.useState(false);
  React.useEffect(() => setEvents(webhook.events), [webhook.events]);

  const toggle = async (event: WebhookEvent, on: boolean) => {
    const previous = events;
    const next = WEBHOOK_EVENT_LIST.filter((e) => (e === event ? on : events.includes(e)));
    setEvents(next);
    setSaving(true);
    try {
      await webhooksApi.subscribe(client, webhook.id, next);
      toggleNotification({
        type: 'success',
        message: formatMessage(webhookMessages.saved, { name: webhook.name }),
      });
      await onSaved();
    } catch (error) {
      setEvents(previous);
      const problem = toApiProblem(error);
      toggleNotification({
        type: 'danger',
        message: problem.message ?? formatMessage(messages.saveError),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Tr>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography fontWeight="semiBold" textColor="neutral800">
            {webhook.name}
          </Typography>
          {webhook.otherEvents.length > 0 ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(webhookMessages.otherEvents, { count: webhook.otherEvents.length })}
            </Typography>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <Typography textColor="neutral800" style={{ wordBreak: 'break-all' }}>
          {webhook.url}
        </Typography>
      </Td>
      <Td>
        <Badge variant={webhook.isEnabled ? 'success' : 'neutral'}>
          {formatMessage(webhook.isEnabled ? webhookMessages.enabled : webhookMessages.disabled)}
        </Badge>
      </Td>
      <Td>
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
      </Td>
      <Td />
    </Tr>
  );
};

/** Settings → ClearOn → Webhooks: which of the app's Strapi webhooks get the ClearOn events. */
export const WebhooksPage = () => {
  const { formatMessage } = useIntl();
  const client = useFetchClient();
  const { isLoading: rbacLoading, canUpdate } = useSettingsRBAC();
  const load = React.useCallback(() => webhooksApi.list(client), [client]);
  const { status, items: webhooks, reload } = useRemoteList(load);

  if (rbacLoading || (status === 'loading' && webhooks.length === 0)) return <Page.Loading />;

  const manage = (
    <LinkButton tag={NavLink} to={STRAPI_WEBHOOKS} variant="secondary">
      {formatMessage(webhookMessages.manage)}
    </LinkButton>
  );

  return (
    <Page.Main>
      <Page.Title>
        {`${formatMessage(messages.section)} – ${formatMessage(webhookMessages.link)}`}
      </Page.Title>
      <Layouts.Header
        title={formatMessage(webhookMessages.title)}
        subtitle={formatMessage(webhookMessages.subtitle)}
        primaryAction={manage}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {!canUpdate ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(messages.readOnly)}
            </Typography>
          ) : null}
          {status === 'error' ? (
            <EmptyStateLayout
              icon={<EmptyDocuments width="16rem" />}
              content={formatMessage(messages.loadError)}
              action={
                <Button variant="secondary" onClick={() => void reload()}>
                  {formatMessage(messages.retry)}
                </Button>
              }
            />
          ) : webhooks.length === 0 ? (
            <EmptyStateLayout
              icon={<EmptyDocuments width="10rem" />}
              content={formatMessage(webhookMessages.empty)}
              action={manage}
            />
          ) : (
            <SettingsTable
              columns={[
                webhookMessages.columnName,
                webhookMessages.columnUrl,
                webhookMessages.enabled,
                webhookMessages.columnEvents,
              ]}
              rowCount={webhooks.length}
            >
              {webhooks.map((webhook) => (
                <WebhookRow
                  key={webhook.id}
                  webhook={webhook}
                  canUpdate={canUpdate}
                  onSaved={reload}
                />
              ))}
            </SettingsTable>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const ProtectedWebhooksPage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <WebhooksPage />
  </Page.Protect>
);

export default ProtectedWebhooksPage;
