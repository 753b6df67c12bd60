import * as React from 'react';
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { captchaApi, type CaptchaProvider, type CaptchaSettings } from '../../api/captcha';
import { toApiProblem } from '../../api/errors';
import { messages } from '../../components/settings/messages';
import { PERMISSIONS } from '../../components/settings/permissions';
import { useRemoteList } from '../../components/settings/useRemoteList';
import { useSettingsRBAC } from '../../components/settings/useSettingsRBAC';

const PROVIDER_NAMES: Record<CaptchaProvider, string> = {
  turnstile: 'Cloudflare Turnstile',
  hcaptcha: 'hCaptcha',
};

/** One provider's site key and write-only secret. */
const ProviderForm = ({
  settings,
  canUpdate,
  onSaved,
}: {
  settings: CaptchaSettings;
  canUpdate: boolean;
  onSaved: () => Promise<void>;
}) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient();
  const [siteKey, setSiteKey] = React.useState(settings.siteKey ?? '');
  const [secret, setSecret] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);
  const name = PROVIDER_NAMES[settings.provider];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      await captchaApi.save(client, settings.provider, {
        siteKey: siteKey.trim(),
        ...(secret ? { secret } : {}),
      });
      setSecret('');
      toggleNotification({
        type: 'success',
        message: formatMessage(messages.captchaSaved, { name }),
      });
      await onSaved();
    } catch (error) {
      const problem = toApiProblem(error);
      setErrors(problem.fieldErrors);
      toggleNotification({ type: 'danger', message: problem.message ?? String(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box
      tag="form"
      onSubmit={submit}
      aria-label={name}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={6}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {name}
        </Typography>
        <Field.Root name={`${settings.provider}-siteKey`} error={errors.siteKey} required>
          <Field.Label>{formatMessage(messages.captchaSiteKey)}</Field.Label>
          <Field.Input
            value={siteKey}
            disabled={!canUpdate}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSiteKey(e.target.value)}
          />
          <Field.Error />
        </Field.Root>
        <Field.Root
          name={`${settings.provider}-secret`}
          error={errors.secret}
          hint={formatMessage(
            settings.hasSecret ? messages.captchaSecretKept : messages.captchaSecretHint
          )}
        >
          <Field.Label>{formatMessage(messages.captchaSecret)}</Field.Label>
          <Field.Input
            type="password"
            autoComplete="off"
            value={secret}
            disabled={!canUpdate}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSecret(e.target.value)}
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        {canUpdate ? (
          <Flex justifyContent="flex-end">
            <Button type="submit" loading={saving} disabled={!siteKey.trim()}>
              {formatMessage(messages.captchaSave, { name })}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};

/** Settings → ClearOn → Bot checks: the CAPTCHA providers campaigns may ask for. */
export const BotChecksPage = () => {
  const { formatMessage } = useIntl();
  const client = useFetchClient();
  const { canUpdate } = useSettingsRBAC();
  const load = React.useCallback(() => captchaApi.list(client), [client]);
  const { status, items, reload } = useRemoteList(load);

  return (
    <Page.Main>
      <Layouts.Header
        title={formatMessage(messages.captchaTitle)}
        subtitle={formatMessage(messages.captchaSubtitle)}
      />
      <Layouts.Content>
        {status === 'loading' ? <Page.Loading /> : null}
        <Flex direction="column" alignItems="stretch" gap={6}>
          {items.map((settings) => (
            <ProviderForm
              key={settings.provider}
              settings={settings}
              canUpdate={canUpdate}
              onSaved={reload}
            />
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const ProtectedBotChecksPage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <BotChecksPage />
  </Page.Protect>
);

export default ProtectedBotChecksPage;
