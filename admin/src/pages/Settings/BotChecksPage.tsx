import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import {
  useGetCaptchaSettingsQuery,
  useSaveCaptchaSettingsMutation,
  type CaptchaProvider,
  type CaptchaSettings,
} from '../../services/botChecks';
import { TextField } from '../../components/shared/FormFields';
import { captchaTexts, messages } from '../../components/settings/messages';
import { SettingsLayout, withSettingsPermission } from '../../components/settings/SettingsLayout';
import { useNotifiedSave } from '../../components/settings/useNotifiedSave';
import { useSettingsRBAC } from '../../components/settings/useSettingsRBAC';

const PROVIDER_NAMES: Record<CaptchaProvider, string> = {
  turnstile: 'Cloudflare Turnstile',
  hcaptcha: 'hCaptcha',
};

/** One provider's site key and write-only secret. */
const ProviderForm = ({
  settings,
  canUpdate,
}: {
  settings: CaptchaSettings;
  canUpdate: boolean;
}) => {
  const { formatMessage } = useIntl();
  const [saveSettings, { isLoading: saving }] = useSaveCaptchaSettingsMutation();
  const save = useNotifiedSave();
  const [siteKey, setSiteKey] = React.useState(settings.siteKey ?? '');
  const [secret, setSecret] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const { provider } = settings;
  const name = PROVIDER_NAMES[provider];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    const body = { siteKey: siteKey.trim(), ...(secret ? { secret } : {}) };
    const refused = await save(
      () => saveSettings({ provider, body }).unwrap(),
      formatMessage(messages.captchaSaved, { name })
    );
    if (refused) setErrors(refused.fieldErrors);
    else setSecret('');
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
        <TextField
          name={`${provider}-siteKey`}
          label={formatMessage(messages.captchaSiteKey)}
          value={siteKey}
          error={errors.siteKey}
          required
          disabled={!canUpdate}
          onChange={setSiteKey}
        />
        <TextField
          name={`${provider}-secret`}
          label={formatMessage(messages.captchaSecret)}
          hint={formatMessage(
            settings.hasSecret ? messages.captchaSecretKept : messages.captchaSecretHint
          )}
          value={secret}
          error={errors.secret}
          disabled={!canUpdate}
          onChange={setSecret}
          inputProps={{ type: 'password' }}
        />
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
  const { canUpdate } = useSettingsRBAC();
  const { data: providers = [], isLoading, isError, refetch } = useGetCaptchaSettingsQuery();

  return (
    <SettingsLayout
      texts={captchaTexts}
      loading={isLoading}
      loadError={isError}
      onRetry={() => void refetch()}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        {providers.map((settings) => (
          <ProviderForm key={settings.provider} settings={settings} canUpdate={canUpdate} />
        ))}
      </Flex>
    </SettingsLayout>
  );
};

export default withSettingsPermission(BotChecksPage);
