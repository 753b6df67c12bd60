import * as React from 'react';
import {
  Badge,
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  Switch,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Pencil, Plus, Play, Star, Trash } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { toApiProblem } from '../../api/errors';
import {
  integrationsApi,
  type Integration,
  type IntegrationCreateBody,
  type IntegrationUpdateBody,
} from '../../api/integrations';
import { DeleteDialog, deleteRefusal } from '../../components/settings/DeleteDialog';
import { IntegrationFormModal } from '../../components/settings/IntegrationFormModal';
import { LastCheck } from '../../components/settings/LastCheck';
import { messages } from '../../components/settings/messages';
import { PERMISSIONS } from '../../components/settings/permissions';
import { TestConnectionModal } from '../../components/settings/TestConnectionModal';
import { useRemoteList } from '../../components/settings/useRemoteList';
import { SettingsTable } from '../../components/settings/SettingsTable';
import { useSettingsRBAC } from '../../components/settings/useSettingsRBAC';
import { useQuickUpdate } from '../../components/settings/useQuickUpdate';

type FormState = { open: false } | { open: true; integration: Integration | null };

/** Settings → ClearOn → Integrations: the ClearOn accounts, their keys, health and the default. */
export const IntegrationsPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient();
  const { isLoading: rbacLoading, canUpdate } = useSettingsRBAC();

  const load = React.useCallback(() => integrationsApi.list(client), [client]);
  const { status, items: integrations, reload } = useRemoteList(load);

  const [form, setForm] = React.useState<FormState>({ open: false });
  const [testing, setTesting] = React.useState<Integration | null>(null);
  const [deleting, setDeleting] = React.useState<Integration | null>(null);
  const { busyId, quickUpdate } = useQuickUpdate(reload);

  const save = async (body: IntegrationCreateBody | IntegrationUpdateBody) => {
    const editing = form.open ? form.integration : null;
    const saved = editing
      ? await integrationsApi.update(client, editing.id, body)
      : await integrationsApi.create(client, body as IntegrationCreateBody);
    toggleNotification({
      type: 'success',
      message: formatMessage(editing ? messages.integrationSaved : messages.integrationCreated, {
        name: saved.name,
      }),
    });
    await reload();
  };

  const remove = async () => {
    if (!deleting) return;
    try {
      await integrationsApi.remove(client, deleting.id);
    } catch (error) {
      throw deleteRefusal(toApiProblem(error).message ?? formatMessage(messages.genericError));
    }
    toggleNotification({
      type: 'success',
      message: formatMessage(messages.integrationDeleted, { name: deleting.name }),
    });
    await reload();
  };

  const test = async (integration: Integration, couponCode: string) => {
    try {
      return await integrationsApi.test(client, integration.id, couponCode);
    } finally {
      // The test records the integration's last check.
      void reload();
    }
  };

  if (rbacLoading || (status === 'loading' && integrations.length === 0)) {
    return <Page.Loading />;
  }

  const createButton = canUpdate ? (
    <Button startIcon={<Plus />} onClick={() => setForm({ open: true, integration: null })}>
      {formatMessage(messages.integrationsCreate)}
    </Button>
  ) : undefined;

  return (
    <Page.Main>
      <Page.Title>
        {`${formatMessage(messages.section)} – ${formatMessage(messages.integrationsLink)}`}
      </Page.Title>
      <Layouts.Header
        title={formatMessage(messages.integrationsTitle)}
        subtitle={formatMessage(messages.integrationsSubtitle)}
        primaryAction={createButton}
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
          ) : integrations.length === 0 ? (
            <EmptyStateLayout
              icon={<EmptyDocuments width="16rem" />}
              content={formatMessage(messages.integrationsEmpty)}
              action={
                canUpdate ? (
                  <Button
                    variant="secondary"
                    startIcon={<Plus />}
                    onClick={() => setForm({ open: true, integration: null })}
                  >
                    {formatMessage(messages.integrationsCreate)}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <SettingsTable
              columns={[
                messages.columnName,
                messages.columnEndpoint,
                messages.columnEnabled,
                messages.columnLastCheck,
              ]}
              rowCount={integrations.length}
            >
              {integrations.map((integration) => (
                <Tr key={integration.id}>
                  <Td>
                    <Flex gap={2} wrap="wrap">
                      <Typography fontWeight="semiBold" textColor="neutral800">
                        {integration.name}
                      </Typography>
                      {integration.isDefault ? (
                        <Badge variant="primary">{formatMessage(messages.defaultBadge)}</Badge>
                      ) : null}
                    </Flex>
                  </Td>
                  <Td style={{ maxWidth: '24rem' }}>
                    <Typography textColor="neutral800" ellipsis title={integration.endpoint}>
                      {integration.endpoint}
                    </Typography>
                  </Td>
                  <Td>
                    <Switch
                      aria-label={formatMessage(messages.enabledLabel, {
                        name: integration.name,
                      })}
                      checked={integration.enabled}
                      disabled={!canUpdate || busyId === integration.id}
                      onLabel={formatMessage(messages.enabledOn)}
                      offLabel={formatMessage(messages.enabledOff)}
                      visibleLabels
                      onCheckedChange={(enabled) =>
                        quickUpdate(
                          integration,
                          { enabled },
                          formatMessage(
                            enabled ? messages.integrationEnabled : messages.integrationDisabled,
                            { name: integration.name }
                          )
                        )
                      }
                    />
                  </Td>
                  <Td style={{ maxWidth: '20rem' }}>
                    <LastCheck lastCheck={integration.lastCheck} />
                  </Td>
                  <Td>
                    {canUpdate ? (
                      <Flex gap={1} justifyContent="flex-end">
                        <IconButton
                          label={formatMessage(messages.actionTestLabel, {
                            name: integration.name,
                          })}
                          variant="ghost"
                          onClick={() => setTesting(integration)}
                        >
                          <Play />
                        </IconButton>
                        <IconButton
                          label={formatMessage(messages.actionEditLabel, {
                            name: integration.name,
                          })}
                          variant="ghost"
                          onClick={() => setForm({ open: true, integration })}
                        >
                          <Pencil />
                        </IconButton>
                        {integration.isDefault ? null : (
                          <IconButton
                            label={formatMessage(messages.actionMakeDefaultLabel, {
                              name: integration.name,
                            })}
                            variant="ghost"
                            disabled={busyId === integration.id}
                            onClick={() =>
                              quickUpdate(
                                integration,
                                { isDefault: true },
                                formatMessage(messages.integrationMadeDefault, {
                                  name: integration.name,
                                })
                              )
                            }
                          >
                            <Star />
                          </IconButton>
                        )}
                        <IconButton
                          label={formatMessage(messages.actionDeleteLabel, {
                            name: integration.name,
                          })}
                          variant="ghost"
                          onClick={() => setDeleting(integration)}
                        >
                          <Trash />
                        </IconButton>
                      </Flex>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </SettingsTable>
          )}
        </Flex>
      </Layouts.Content>

      <IntegrationFormModal
        open={form.open}
        integration={form.open ? form.integration : null}
        onSubmit={save}
        onClose={() => setForm({ open: false })}
      />
      <TestConnectionModal integration={testing} onTest={test} onClose={() => setTesting(null)} />
      <DeleteDialog
        open={deleting !== null}
        title={formatMessage(messages.integrationDeleteTitle)}
        body={formatMessage(messages.integrationDeleteBody, { name: deleting?.name ?? '' })}
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      />
    </Page.Main>
  );
};

/** The page behind settings.read (the settings link is hidden without it too). */
const ProtectedIntegrationsPage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <IntegrationsPage />
  </Page.Protect>
);

export default ProtectedIntegrationsPage;
