import type { FetchClient } from '@strapi/strapi/admin';

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

type Client = Pick<FetchClient, 'get' | 'put'>;

export const captchaApi = {
  async list(client: Client): Promise<CaptchaSettings[]> {
    const { data } = await client.get<{ data: CaptchaSettings[] }>('/clearon/captcha');
    return data.data;
  },
  async save(client: Client, provider: CaptchaProvider, body: CaptchaSettingsBody) {
    const { data } = await client.put<{ data: CaptchaSettings }>(
      `/clearon/captcha/${provider}`,
      body
    );
    return data.data;
  },
};
