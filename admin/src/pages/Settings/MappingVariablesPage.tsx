import * as React from 'react';
import {
  Badge,
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Pencil, Plus, Trash } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { toApiProblem } from '../../api/errors';
import {
  mappingVariablesApi,
  type MappingVariable,
  type MappingVariableCreateBody,
  type MappingVariableUpdateBody,
} from '../../api/mappingVariables';
import { DeleteDialog, deleteRefusal } from '../../components/settings/DeleteDialog';
import { MappingVariableFormModal } from '../../components/settings/MappingVariableFormModal';
import { messages } from '../../components/settings/messages';
import { PERMISSIONS } from '../../components/settings/permissions';
import { useRemoteList } from '../../components/settings/useRemoteList';
import { SettingsTable } from '../../components/settings/SettingsTable';
import { useSettingsRBAC } from '../../components/settings/useSettingsRBAC';

/** The built-in CRM variables' labels, translated (the server's labels are English). */
const BUILT_IN_LABELS: Record<string, MessageDescriptor> = {
  firstname: messages.builtInFirstname,
  lastname: messages.builtInLastname,
  email: messages.builtInEmail,
  phone: messages.builtInPhone,
};

type FormState = { open: false } | { open: true; variable: MappingVariable | null };

/** Settings → ClearOn → Mapping variables: the built-in CRM variables and the editors' own. */
export const MappingVariablesPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient();
  const { isLoading: rbacLoading, canUpdate } = useSettingsRBAC();

  const load = React.useCallback(() => mappingVariablesApi.list(client), [client]);
  const { status, items: variables, reload } = useRemoteList(load);

  const [form, setForm] = React.useState<FormState>({ open: false });
  const [deleting, setDeleting] = React.useState<MappingVariable | null>(null);

  const labelOf = (variable: MappingVariable) =>
    variable.builtIn && BUILT_IN_LABELS[variable.technicalName]
      ? formatMessage(BUILT_IN_LABELS[variable.technicalName])
      : variable.label;

  const save = async (body: MappingVariableCreateBody | MappingVariableUpdateBody) => {
    const editing = form.open ? form.variable : null;
    const saved = editing
      ? await mappingVariablesApi.update(client, editing.id, body)
      : await mappingVariablesApi.create(client, body as MappingVariableCreateBody);
    toggleNotification({
      type: 'success',
      message: formatMessage(editing ? messages.variableSaved : messages.variableCreated, {
        name: saved.label,
      }),
    });
    await reload();
  };

  const remove = async () => {
    if (!deleting) return;
    try {
      await mappingVariablesApi.remove(client, deleting.id);
    } catch (error) {
      // A 409 names the campaigns whose forms still use the variable: show it as the server says.
      const problem = toApiProblem(error);
      throw deleteRefusal(
        problem.message ?? formatMessage(messages.genericError),
        problem.status === 409 ? formatMessage(messages.variableInUseTitle) : undefined
      );
    }
    toggleNotification({
      type: 'success',
      message: formatMessage(messages.variableDeleted, { name: deleting.label }),
    });
    await reload();
  };

  if (rbacLoading || (status === 'loading' && variables.length === 0)) {
    return <Page.Loading />;
  }

  const openCreate = () => setForm({ open: true, variable: null });
  const custom = variables.filter((variable) => !variable.builtIn);

  return (
    <Page.Main>
      <Page.Title>
        {`${formatMessage(messages.section)} – ${formatMessage(messages.mappingVariablesLink)}`}
      </Page.Title>
      <Layouts.Header
        title={formatMessage(messages.variablesTitle)}
        subtitle={formatMessage(messages.variablesSubtitle)}
        primaryAction={
          canUpdate ? (
            <Button startIcon={<Plus />} onClick={openCreate}>
              {formatMessage(messages.variablesCreate)}
            </Button>
          ) : undefined
        }
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
          ) : (
            <SettingsTable
              columns={[
                messages.columnLabel,
                messages.columnTechnicalName,
                messages.columnType,
                messages.columnAvailable,
              ]}
              rowCount={variables.length}
            >
              {variables.map((variable) => (
                <Tr key={`${variable.builtIn ? 'builtin' : 'custom'}-${variable.id}`}>
                  <Td>
                    <Flex gap={2} wrap="wrap">
                      <Typography fontWeight="semiBold" textColor="neutral800">
                        {labelOf(variable)}
                      </Typography>
                      {variable.builtIn ? (
                        <Badge variant="neutral" title={formatMessage(messages.builtInHint)}>
                          {formatMessage(messages.builtIn)}
                        </Badge>
                      ) : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800" style={{ fontFamily: 'monospace' }}>
                      {variable.technicalName}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">
                      {formatMessage(
                        variable.type === 'opt-in' ? messages.typeOptIn : messages.typeAnswer
                      )}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">
                      {formatMessage(variable.availableInForms ? messages.yes : messages.no)}
                    </Typography>
                  </Td>
                  <Td>
                    {canUpdate && !variable.builtIn ? (
                      <Flex gap={1} justifyContent="flex-end">
                        <IconButton
                          label={formatMessage(messages.variableEditLabel, {
                            name: variable.label,
                          })}
                          variant="ghost"
                          onClick={() => setForm({ open: true, variable })}
                        >
                          <Pencil />
                        </IconButton>
                        <IconButton
                          label={formatMessage(messages.variableDeleteLabel, {
                            name: variable.label,
                          })}
                          variant="ghost"
                          onClick={() => setDeleting(variable)}
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
          {status === 'ready' && custom.length === 0 ? (
            <EmptyStateLayout
              icon={<EmptyDocuments width="10rem" />}
              content={formatMessage(messages.variablesEmpty)}
              action={
                canUpdate ? (
                  <Button variant="secondary" startIcon={<Plus />} onClick={openCreate}>
                    {formatMessage(messages.variablesCreate)}
                  </Button>
                ) : undefined
              }
            />
          ) : null}
        </Flex>
      </Layouts.Content>

      <MappingVariableFormModal
        open={form.open}
        variable={form.open ? form.variable : null}
        existing={variables}
        onSubmit={save}
        onClose={() => setForm({ open: false })}
      />
      <DeleteDialog
        open={deleting !== null}
        title={formatMessage(messages.variableDeleteTitle)}
        body={formatMessage(messages.variableDeleteBody, { name: deleting?.label ?? '' })}
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      />
    </Page.Main>
  );
};

/** The page behind settings.read (the settings link is hidden without it too). */
const ProtectedMappingVariablesPage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <MappingVariablesPage />
  </Page.Protect>
);

export default ProtectedMappingVariablesPage;
