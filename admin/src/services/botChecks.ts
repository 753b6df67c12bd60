import { listQuery, writeMutation } from './crudEndpoints';
import { clearonApi } from './api';

export type CaptchaProvider = 'turnstile' | 'hcaptcha';

/** A CAPTCHA provider's settings as `GET /clearon/captcha` returns them: never the secret. */
export interface CaptchaSettings {
  provider: CaptchaProvider;
  siteKey: string | null;
  hasSecret: boolean;
}

/** Without `secret`, the stored one is kept. */
export interface CaptchaSettingsBody {
  siteKey: string;
  secret?: string;
}

const TAG = 'ClearonBotChecks';

/** Settings → ClearOn → Bot checks: the CAPTCHA providers' site keys and secrets. */
const botChecksApi = clearonApi.injectEndpoints({
  endpoints: (builder) => ({
    getCaptchaSettings: listQuery<CaptchaSettings>(builder, '/clearon/captcha', TAG),
    saveCaptchaSettings: writeMutation<
      CaptchaSettings,
      { provider: CaptchaProvider; body: CaptchaSettingsBody }
    >(builder, TAG, ({ provider, body }) => ({
      url: `/clearon/captcha/${provider}`,
      method: 'PUT',
      data: body,
    })),
  }),
});

export const { useGetCaptchaSettingsQuery, useSaveCaptchaSettingsMutation } = botChecksApi;
