import type { ResolvedTarget } from './integrations';
import { SecretBoxError } from './secret-box';

/** Why an integration cannot issue a coupon; each caller words it for its reader. */
export type UnusableCode = 'key_unreadable' | 'no_integration' | 'integration_disabled';

export type UsableTarget =
  | { usable: true; target: ResolvedTarget }
  | {
      usable: false;
      code: UnusableCode;
      /** The plain-words reason, without an ending: the issuer and the test coupon each add theirs. */
      reason: string;
    };

/**
 * The integration that issues a coupon (`documentId`, or the default one when null), checked the
 * same way for the outbox worker and the editor's test coupon: its key decrypts, it exists, it is
 * enabled. `resolve` is the integrations service's `resolveTarget` (or a cache in front of it).
 * Any error other than an undecryptable key is thrown.
 */
export const resolveUsableTarget = async (
  resolve: (documentId: string | null) => Promise<ResolvedTarget | null>,
  documentId: string | null
): Promise<UsableTarget> => {
  let target: ResolvedTarget | null;
  try {
    target = await resolve(documentId);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    return {
      usable: false,
      code: 'key_unreadable',
      reason:
        "The integration's API key cannot be decrypted (was CLEARON_ENCRYPTION_KEY changed?): enter the key again",
    };
  }
  if (!target) {
    return {
      usable: false,
      code: 'no_integration',
      reason: 'No ClearOn integration is configured',
    };
  }
  if (!target.enabled) {
    return {
      usable: false,
      code: 'integration_disabled',
      reason: `The ClearOn integration "${target.name}" is disabled`,
    };
  }
  return { usable: true, target };
};
