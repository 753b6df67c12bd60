import * as React from 'react';
import { Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { toApiProblem } from '../../api/errors';
import { integrationsApi } from '../../api/integrations';
import { triggersApi, type Trigger, type TriggerInput } from '../../api/triggers';
import type { IntegrationOption } from '../../components/coupon/types';
import { DeleteDialog, deleteRefusal } from '../../components/settings/DeleteDialog';
import { messages } from '../../components/settings/messages';
import { PERMISSIONS } from '../../components/settings/permissions';
import { TriggerFormModal } from '../../components/settings/TriggerFormModal';
import { triggerMessages } from '../../components/settings/triggerMessages';
import { TriggersTable } from '../../components/settings/TriggersTable';
import { useRemoteList } from '../../components/settings/useRemoteList';
import { useSettingsRBAC } from '../../components/settings/useSettingsRBAC';

type FormState = { open: false } | { open: true; trigger: Trigger | null };

/** Settings → ClearOn → Coupon triggers: a coupon for each entry of the app's own types. */
export const TriggersPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient();
  const { isLoading: rbacLoading, canUpdate } = useSettingsRBAC();

  const load = React.useCallback(() => triggersApi.list(client), [client]);
  const { status, items: triggers, reload } = useRemoteList(load);
  const loadTypes = React.useCallback(() => triggersApi.contentTypes(client), [client]);
  const types = useRemoteList(loadTypes);
  const loadIntegrations = React.useCallback(
    async (): Promise<IntegrationOption[]> =>
      (await integrationsApi.list(client)).map(({ id, name, isDefault, enabled }) => ({
        id,
        name,
        isDefault,
        enabled,
      })),
    [client]
  );
  const { items: integrations } = useRemoteList(loadIntegrations);

  const [form, setForm] = React.useState<FormState>({ open: false });
  const [deleting, setDeleting] = React.useState<Trigger | null>(null);

  const save = async (body: TriggerInput) => {
    const editing = form.open ? form.trigger : null;
    const saved = editing
      ? await triggersApi.update(client, editing.key, body)
      : await triggersApi.create(client, body);
    toggleNotification({
      type: 'success',
      message: formatMessage(editing ? triggerMessages.saved : triggerMessages.created, {
        name: saved.name,
      }),
    });
    await reload();
  };

  const remove = async () => {
    if (!deleting) return;
    try {
      await triggersApi.remove(client, deleting.key);
    } catch (error) {
      throw deleteRefusal(toApiProblem(error).message ?? formatMessage(messages.genericError));
    }
    toggleNotification({
      type: 'success',
      message: formatMessage(triggerMessages.deleted, { name: deleting.name }),
    });
    await reload();
  };

  if (rbacLoading || (status === 'loading' && triggers.length === 0)) {
    return <Page.Loading />;
  }

  const noTypes = types.status === 'ready' && types.items.length === 0;
  const openCreate = () => setForm({ open: true, trigger: null });
  const createButton = (variant?: 'secondary') =>
    canUpdate ? (
      <Button
        variant={variant}
        startIcon={<Plus />}
        onClick={openCreate}
        disabled={types.status !== 'ready' || noTypes}
      >
        {formatMessage(triggerMessages.create)}
      </Button>
    ) : undefined;

  return (
    <Page.Main>
      <Page.Title>
        {`${formatMessage(messages.section)} – ${formatMessage(triggerMessages.link)}`}
      </Page.Title>
      <Layouts.Header
        title={formatMessage(triggerMessages.title)}
        subtitle={formatMessage(triggerMessages.subtitle)}
        primaryAction={createButton()}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {!canUpdate ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(messages.readOnly)}
            </Typography>
          ) : null}
          {noTypes ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(triggerMessages.noContentTypes)}
            </Typography>
          ) : null}
          {types.status === 'error' ? (
            <Typography variant="pi" textColor="danger600">
              {formatMessage(triggerMessages.contentTypesLoadError)}
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
          ) : triggers.length === 0 ? (
            <EmptyStateLayout
              icon={<EmptyDocuments width="10rem" />}
              content={formatMessage(triggerMessages.empty)}
              action={createButton('secondary')}
            />
          ) : (
            <TriggersTable
              triggers={triggers}
              contentTypes={types.items}
              canUpdate={canUpdate}
              onEdit={(trigger) => setForm({ open: true, trigger })}
              onDelete={setDeleting}
            />
          )}
        </Flex>
      </Layouts.Content>

      <TriggerFormModal
        open={form.open}
        trigger={form.open ? form.trigger : null}
        contentTypes={types.items}
        integrations={integrations}
        onSubmit={save}
        onClose={() => setForm({ open: false })}
      />
      <DeleteDialog
        open={deleting !== null}
        title={formatMessage(triggerMessages.deleteTitle)}
        body={formatMessage(triggerMessages.deleteBody, { name: deleting?.name ?? '' })}
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      />
    </Page.Main>
  );
};

/** The page behind settings.read (the settings link is hidden without it too). */
const ProtectedTriggersPage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <TriggersPage />
  </Page.Protect>
);

export default ProtectedTriggersPage;
