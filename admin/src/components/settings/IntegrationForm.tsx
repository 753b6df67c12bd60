import * as React from 'react';
import { Checkbox } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { TIMEOUT_MAX_MS, TIMEOUT_MIN_MS } from '../../../../shared/contracts/integrations';
import type {
  Integration,
  IntegrationCreateBody,
  IntegrationUpdateBody,
} from '../../services/integrations';
import { TextField } from '../shared/FormFields';
import { useModalForm } from '../shared/useModalForm';
import { messages } from './messages';
import { EnabledField, SettingsForm } from './SettingsForm';
import type { CrudFormProps } from './useSettingsCrud';

interface Draft {
  name: string;
  endpoint: string;
  authHeaderName: string;
  apiKey: string;
  timeoutMs: string;
  enabled: boolean;
  isDefault: boolean;
}

const PLACED = ['name', 'endpoint', 'authHeaderName', 'apiKey', 'timeoutMs'];

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

const toBody = (draft: Draft, editing: boolean): IntegrationCreateBody | IntegrationUpdateBody => {
  const timeoutMs = parseTimeout(draft.timeoutMs) ?? undefined;
  const authHeaderName = draft.authHeaderName.trim() || undefined;
  const common = {
    name: draft.name.trim(),
    endpoint: draft.endpoint.trim(),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    enabled: draft.enabled,
  };
  return editing
    ? {
        ...common,
        // Emptied: back to the default header name.
        authHeaderName: authHeaderName ?? 'Authorization',
        ...(draft.apiKey ? { apiKey: draft.apiKey } : {}),
      }
    : {
        ...common,
        ...(authHeaderName ? { authHeaderName } : {}),
        apiKey: draft.apiKey,
        ...(draft.isDefault ? { isDefault: true } : {}),
      };
};

/** Configure (create) or edit a ClearOn integration, in the page's modal. The API key is write-only. */
export const IntegrationForm = ({
  item: integration,
  onSubmit,
  onClose,
}: CrudFormProps<Integration, IntegrationCreateBody | IntegrationUpdateBody>) => {
  const { formatMessage } = useIntl();
  const editing = integration !== null;
  const keySet = editing && integration.apiKeySet;
  const form = useModalForm<Draft>({
    initial: () => toDraft(integration),
    placed: PLACED,
    fallbackMessage: formatMessage(messages.genericError),
    check: (draft) => {
      const found: Record<string, string> = {};
      if (!draft.name.trim()) found.name = formatMessage(messages.fieldNameRequired);
      if (!draft.endpoint.trim()) found.endpoint = formatMessage(messages.fieldEndpointRequired);
      if (!editing && !draft.apiKey) found.apiKey = formatMessage(messages.fieldApiKeyRequired);
      if (parseTimeout(draft.timeoutMs) === null) {
        found.timeoutMs = formatMessage(messages.fieldTimeoutInvalid);
      }
      return found;
    },
    send: async (draft) => {
      await onSubmit(toBody(draft, editing));
      onClose();
    },
  });
  const { draft, change, errorOf } = form;

  const textField = (
    field: 'name' | 'endpoint' | 'authHeaderName' | 'apiKey' | 'timeoutMs',
    label: string,
    hint: string,
    inputProps: Partial<React.ComponentProps<typeof TextField>['inputProps']>,
    required = false
  ) => (
    <TextField
      name={field}
      label={label}
      hint={hint}
      value={draft[field]}
      error={errorOf(field)}
      required={required}
      onChange={(value) => change({ [field]: value }, field)}
      inputProps={inputProps}
    />
  );

  return (
    <SettingsForm form={form} editing={editing}>
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
      {textField(
        'apiKey',
        formatMessage(messages.fieldApiKey),
        formatMessage(keySet ? messages.fieldApiKeySet : messages.fieldApiKeyHint),
        {
          type: 'password',
          autoComplete: 'new-password',
          placeholder: keySet ? formatMessage(messages.fieldApiKeySet) : undefined,
        },
        !editing
      )}
      {textField(
        'timeoutMs',
        formatMessage(messages.fieldTimeout),
        formatMessage(messages.fieldTimeoutHint),
        { inputMode: 'numeric', placeholder: '5000' }
      )}
      <EnabledField
        label={formatMessage(messages.fieldEnabled)}
        hint={formatMessage(messages.fieldEnabledHint)}
        checked={draft.enabled}
        onChange={(enabled) => change({ enabled }, 'enabled')}
      />
      {editing ? null : (
        <Checkbox
          checked={draft.isDefault}
          onCheckedChange={(checked) => change({ isDefault: checked === true }, 'isDefault')}
        >
          {formatMessage(messages.fieldIsDefault)}
        </Checkbox>
      )}
    </SettingsForm>
  );
};
