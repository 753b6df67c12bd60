import * as React from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
  TextInput,
  Toggle,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ApiProblem } from '../../api/errors';
import { toApiProblem } from '../../api/errors';
import type {
  Integration,
  IntegrationCreateBody,
  IntegrationUpdateBody,
} from '../../api/integrations';
import { TIMEOUT_MAX_MS, TIMEOUT_MIN_MS } from '../../../../shared/contracts/integrations';
import { FormModal } from './FormModal';
import { messages } from './messages';

type FieldName = 'name' | 'endpoint' | 'authHeaderName' | 'apiKey' | 'timeoutMs';

export interface IntegrationFormModalProps {
  open: boolean;
  /** The integration being edited, or null to configure a new one. */
  integration: Integration | null;
  /** Saves; rejects with the fetch error (a 400's field errors are shown on the fields). */
  onSubmit: (body: IntegrationCreateBody | IntegrationUpdateBody) => Promise<void>;
  onClose: () => void;
}

/** Configure (create) or edit a ClearOn integration. The API key is write-only. */
export const IntegrationFormModal = ({
  open,
  integration,
  onSubmit,
  onClose,
}: IntegrationFormModalProps) => {
  const { formatMessage } = useIntl();
  const title = integration
    ? formatMessage(messages.integrationEditTitle, { name: integration.name })
    : formatMessage(messages.integrationCreateTitle);

  return (
    <FormModal open={open} title={title} onClose={onClose}>
      <IntegrationForm integration={integration} onSubmit={onSubmit} onClose={onClose} />
    </FormModal>
  );
};

interface Draft {
  name: string;
  endpoint: string;
  authHeaderName: string;
  apiKey: string;
  timeoutMs: string;
  enabled: boolean;
  isDefault: boolean;
}

const toDraft = (integration: Integration | null): Draft => ({
  name: integration?.name ?? '',
  endpoint: integration?.endpoint ?? '',
  authHeaderName: integration?.authHeaderName ?? '',
  apiKey: '',
  timeoutMs: integration ? String(integration.timeoutMs) : '',
  enabled: integration?.enabled ?? true,
  isDefault: integration?.isDefault ?? false,
});

const parseTimeout = (value: string): number | null | undefined => {
  const text = value.trim();
  if (!text) return undefined;
  if (!/^\d+$/.test(text)) return null;
  const number = Number(text);
  return number >= TIMEOUT_MIN_MS && number <= TIMEOUT_MAX_MS ? number : null;
};

const IntegrationForm = ({
  integration,
  onSubmit,
  onClose,
}: Omit<IntegrationFormModalProps, 'open'>) => {
  const { formatMessage } = useIntl();
  const [draft, setDraft] = React.useState<Draft>(() => toDraft(integration));
  const [clientErrors, setClientErrors] = React.useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = React.useState<ApiProblem | null>(null);
  const [busy, setBusy] = React.useState(false);
  const editing = integration !== null;

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setClientErrors((previous) => ({ ...previous, [key]: undefined }));
    setProblem((previous) =>
      previous && key in previous.fieldErrors
        ? {
            ...previous,
            fieldErrors: Object.fromEntries(
              Object.entries(previous.fieldErrors).filter(([field]) => field !== key)
            ),
          }
        : previous
    );
  };

  const errorOf = (field: FieldName) => clientErrors[field] ?? problem?.fieldErrors[field];

  const check = () => {
    const found: Partial<Record<FieldName, string>> = {};
    if (!draft.name.trim()) found.name = formatMessage(messages.fieldNameRequired);
    if (!draft.endpoint.trim()) found.endpoint = formatMessage(messages.fieldEndpointRequired);
    if (!editing && !draft.apiKey) found.apiKey = formatMessage(messages.fieldApiKeyRequired);
    if (parseTimeout(draft.timeoutMs) === null) {
      found.timeoutMs = formatMessage(messages.fieldTimeoutInvalid);
    }
    setClientErrors(found);
    return Object.keys(found).length === 0;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (busy || !check()) return;
    const timeoutMs = parseTimeout(draft.timeoutMs) ?? undefined;
    const authHeaderName = draft.authHeaderName.trim() || undefined;
    const body: IntegrationCreateBody | IntegrationUpdateBody = editing
      ? {
          name: draft.name.trim(),
          endpoint: draft.endpoint.trim(),
          // Emptied: back to the default header name.
          authHeaderName: authHeaderName ?? 'Authorization',
          ...(draft.apiKey ? { apiKey: draft.apiKey } : {}),
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          enabled: draft.enabled,
        }
      : {
          name: draft.name.trim(),
          endpoint: draft.endpoint.trim(),
          ...(authHeaderName ? { authHeaderName } : {}),
          apiKey: draft.apiKey,
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          enabled: draft.enabled,
          ...(draft.isDefault ? { isDefault: true } : {}),
        };
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(body);
      onClose();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const shownFields: string[] = ['name', 'endpoint', 'authHeaderName', 'apiKey', 'timeoutMs'];
  const otherFieldErrors = Object.entries(problem?.fieldErrors ?? {}).filter(
    ([field]) => !shownFields.includes(field)
  );
  const showGeneralError =
    problem !== null &&
    (Object.keys(problem.fieldErrors).length === 0 || otherFieldErrors.length > 0);

  const textField = (
    field: 'name' | 'endpoint' | 'authHeaderName' | 'timeoutMs',
    label: string,
    hint: string,
    extra: Partial<React.ComponentProps<typeof TextInput>> = {},
    required = false
  ) => (
    <Field.Root name={field} error={errorOf(field)} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        value={draft[field]}
        autoComplete="off"
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => update(field, event.target.value)}
        {...extra}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={5}>
          {showGeneralError ? (
            <Alert
              variant="danger"
              title={formatMessage(messages.saveError)}
              closeLabel={formatMessage(messages.close)}
              onClose={() => setProblem(null)}
            >
              {otherFieldErrors.length > 0
                ? otherFieldErrors.map(([, message]) => message).join(' ')
                : (problem?.message ?? formatMessage(messages.genericError))}
            </Alert>
          ) : null}
          {textField(
            'name',
            formatMessage(messages.fieldName),
            formatMessage(messages.fieldNameHint),
            { maxLength: 100 },
            true
          )}
          {textField(
            'endpoint',
            formatMessage(messages.fieldEndpoint),
            formatMessage(messages.fieldEndpointHint),
            { type: 'url', placeholder: 'https://', inputMode: 'url' },
            true
          )}
          {textField(
            'authHeaderName',
            formatMessage(messages.fieldAuthHeader),
            formatMessage(messages.fieldAuthHeaderHint),
            { placeholder: 'Authorization' }
          )}
          <Field.Root
            name="apiKey"
            error={errorOf('apiKey')}
            hint={formatMessage(
              editing && integration?.apiKeySet ? messages.fieldApiKeySet : messages.fieldApiKeyHint
            )}
            required={!editing}
          >
            <Field.Label>{formatMessage(messages.fieldApiKey)}</Field.Label>
            <TextInput
              type="password"
              value={draft.apiKey}
              autoComplete="new-password"
              placeholder={
                editing && integration?.apiKeySet
                  ? formatMessage(messages.fieldApiKeySet)
                  : undefined
              }
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                update('apiKey', event.target.value)
              }
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          {textField(
            'timeoutMs',
            formatMessage(messages.fieldTimeout),
            formatMessage(messages.fieldTimeoutHint),
            { inputMode: 'numeric', placeholder: '5000' }
          )}
          <Field.Root name="enabled" hint={formatMessage(messages.fieldEnabledHint)}>
            <Field.Label>{formatMessage(messages.fieldEnabled)}</Field.Label>
            <Toggle
              checked={draft.enabled}
              onLabel={formatMessage(messages.enabledOn)}
              offLabel={formatMessage(messages.enabledOff)}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                update('enabled', event.target.checked)
              }
            />
            <Field.Hint />
          </Field.Root>
          {editing ? null : (
            <Checkbox
              checked={draft.isDefault}
              onCheckedChange={(checked) => update('isDefault', checked === true)}
            >
              {formatMessage(messages.fieldIsDefault)}
            </Checkbox>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{formatMessage(messages.cancel)}</Button>
        </Modal.Close>
        <Button type="submit" loading={busy}>
          {formatMessage(editing ? messages.save : messages.create)}
        </Button>
      </Modal.Footer>
    </form>
  );
};
