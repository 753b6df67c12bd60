/**
 * The ClearOn integrations admin routes (`/clearon/integrations`, server/src/routes/integrations.ts):
 * what they answer, and the limits the server's validation (server/src/validation/integration.ts)
 * and the admin's form (IntegrationFormModal) both apply.
 */

/** The request timeout of an integration, in milliseconds: a whole number in this range. */
export const TIMEOUT_MIN_MS = 500;
export const TIMEOUT_MAX_MS = 30_000;

export type CheckStatus = 'ok' | 'failing';

/** An integration as the routes answer it. Never carries the API key, in any form. */
export interface IntegrationView {
  id: string;
  name: string;
  endpoint: string;
  authHeaderName: string;
  timeoutMs: number;
  enabled: boolean;
  isDefault: boolean;
  apiKeySet: boolean;
  lastCheck: { status: CheckStatus; at: string | null; message: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /clearon/integrations/:id/test` (Test connection): a dry run, in plain words. */
export type TestStatus = 'ok' | 'unauthorized' | 'unknown_coupon' | 'unreachable' | 'error';

export interface TestResult {
  status: TestStatus;
  /** Plain words for the editor; never contains the API key. */
  message: string;
}
