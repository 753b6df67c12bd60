import axios from 'axios';
import type { Core } from '@strapi/strapi';
import { CaptchaError, CaptchaUnavailableError } from '../captcha/errors';
import {
  CAPTCHA_PROVIDERS,
  DEFAULT_VERIFY_URLS,
  readSiteverifyAnswer,
  type CaptchaProvider,
} from '../captcha/providers';
import { getPluginConfig } from '../utils/get-plugin-config';
import { getService } from '../utils/get-service';
import { isBlockedAddressError } from '../utils/network-guard';
import { pluginNetworkGuard } from '../utils/plugin-network-guard';
import { PLUGIN_ID } from '../utils/plugin-id';

const STORE_KEY = 'captcha';

/** What is stored (core store, plugin `clearon`, key `captcha`): the secret only encrypted. */
interface StoredProvider {
  siteKey: string;
  secret: string | null;
}
type Stored = Partial<Record<CaptchaProvider, StoredProvider>>;

/** What the admin reads: never the secret, only whether there is one. */
export interface CaptchaProviderView {
  provider: CaptchaProvider;
  siteKey: string | null;
  hasSecret: boolean;
}

export interface CaptchaProviderInput {
  siteKey: string;
  /** Absent: keep the stored secret. */
  secret?: string;
}

/**
 * CAPTCHA settings (site key, write-only secret encrypted like the ClearOn API keys) and the
 * server-side check of a participant's token against the provider's `siteverify`.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  let cached: Stored | null = null;
  // The SSRF rules of the ClearOn calls apply to siteverify too (a verify URL is configuration).
  const network = pluginNetworkGuard(strapi);

  const read = async (): Promise<Stored> => {
    cached ??= ((await store().get({})) as Stored | null) ?? {};
    return cached;
  };

  return {
    async list(): Promise<CaptchaProviderView[]> {
      const stored = await read();
      return CAPTCHA_PROVIDERS.map((provider) => ({
        provider,
        siteKey: stored[provider]?.siteKey ?? null,
        hasSecret: Boolean(stored[provider]?.secret),
      }));
    },

    async save(provider: CaptchaProvider, input: CaptchaProviderInput) {
      const stored = { ...(await read()) };
      const secret =
        input.secret !== undefined
          ? getService(strapi, 'secret-box').encrypt(input.secret)
          : (stored[provider]?.secret ?? null);
      stored[provider] = { siteKey: input.siteKey, secret };
      await store().set({ value: stored });
      cached = stored;
      return (await this.list()).find((view) => view.provider === provider) as CaptchaProviderView;
    },

    /** The site key a participant page needs to render the widget; null when not configured. */
    async siteKey(provider: CaptchaProvider) {
      return (await read())[provider]?.siteKey ?? null;
    },

    /**
     * Asks the provider about `token`. Resolves when it is a pass; throws CaptchaError when the
     * token is missing or refused, CaptchaUnavailableError when the provider cannot answer.
     */
    async verify(provider: CaptchaProvider, token: unknown, remoteIp?: string) {
      if (typeof token !== 'string' || token.trim() === '') {
        throw new CaptchaError('is required: complete the CAPTCHA');
      }
      if (token.length > 4096) throw new CaptchaError('is not a CAPTCHA token');
      const stored = (await read())[provider];
      if (!stored?.secret) {
        strapi.log.warn(`[clearon] a campaign asks for ${provider} but it has no secret`);
        throw new CaptchaUnavailableError(`The ${provider} check is not configured`);
      }
      const { timeoutMs, verifyUrls } = getPluginConfig(strapi).captcha;
      const form = new URLSearchParams({
        secret: getService(strapi, 'secret-box').decrypt(stored.secret),
        response: token,
        ...(remoteIp ? { remoteip: remoteIp } : {}),
      });
      const url = verifyUrls[provider] ?? DEFAULT_VERIFY_URLS[provider];
      const signal = AbortSignal.timeout(timeoutMs);
      let answer;
      try {
        await Promise.race([
          network.check(url),
          new Promise((_, reject) => {
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          }),
        ]);
        const response = await axios.post(url, form, {
          ...network.axiosOptions,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          timeout: timeoutMs,
          signal,
          maxRedirects: 0,
          maxContentLength: 64 * 1024,
          validateStatus: () => true,
        });
        answer = response.status === 200 ? readSiteverifyAnswer(response.data) : null;
        if (!answer) {
          strapi.log.warn(`[clearon] ${provider} siteverify answered ${response.status}`);
        }
      } catch (error) {
        strapi.log.warn(
          isBlockedAddressError(error)
            ? `[clearon] ${provider} siteverify refused by the SSRF rules: ${error.message}`
            : `[clearon] ${provider} siteverify unreachable (${(error as { code?: string }).code ?? 'error'})`
        );
      }
      if (!answer) throw new CaptchaUnavailableError(`The ${provider} check cannot be reached now`);
      if (!answer.success) {
        throw new CaptchaError('was refused: complete the CAPTCHA again', answer.errorCodes);
      }
    },
  };
};

export default service;
