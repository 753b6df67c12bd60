import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { IssueOutcome } from '../clearon';
import { endpointProblem } from '../validation/integration';
import { getPluginConfig } from '../utils/get-plugin-config';
import { getService } from '../utils/get-service';
import { createPluginClient } from '../utils/clearon-client';
import type {
  CheckStatus,
  IntegrationView,
  TestResult,
  TestStatus,
} from '../../../shared/contracts/integrations';
import type { ResolvedTarget } from './integrations';

/** Plain-words reading of a dry-run outcome. */
export const describeOutcome = (outcome: IssueOutcome, couponCode: string): TestResult => {
  const status = 'status' in outcome && outcome.status ? ` (HTTP ${outcome.status})` : '';
  switch (outcome.kind) {
    case 'dry-run-ok':
      return {
        status: 'ok',
        message: `Connected: ClearOn accepted the API key and knows the coupon code "${couponCode}".`,
      };
    case 'issued':
      return {
        status: 'error',
        message:
          'ClearOn issued a coupon instead of answering the test request: the endpoint does not ' +
          'seem to support test (dry run) requests.',
      };
    case 'retryable':
      switch (outcome.code) {
        case 'timeout':
          return {
            status: 'unreachable',
            message: `ClearOn did not answer within the integration's timeout. ${outcome.reason}`,
          };
        case 'unreachable':
          return {
            status: 'unreachable',
            message: `ClearOn could not be reached at this endpoint. ${outcome.reason}`,
          };
        case 'rate_limited':
          return {
            status: 'error',
            message: `ClearOn is limiting the number of requests${status}; try again in a moment.`,
          };
        default:
          return {
            status: 'error',
            message: `ClearOn answered with a server error${status}; try again later. ${outcome.reason}`,
          };
      }
    case 'permanent':
      switch (outcome.code) {
        case 'unauthorized':
          return {
            status: 'unauthorized',
            message: `ClearOn refused the API key${status}: check the API key and the header name.`,
          };
        case 'blocked_address':
          return {
            status: 'error',
            message: `The request was not sent. ${outcome.reason}.`,
          };
        case 'unknown_coupon':
          return {
            status: 'unknown_coupon',
            message: `Connected, but ClearOn does not know the coupon code "${couponCode}"${status}: check it in ClearOn's back-office.`,
          };
        default:
          return {
            status: 'error',
            message: `ClearOn refused the test request${status}: ${outcome.reason}`,
          };
      }
    default:
      return { status: 'error', message: 'ClearOn gave an answer the plugin does not understand.' };
  }
};

/** The integration's health after a test: the connection works unless the key or the host fails. */
const checkStatusOf = (status: TestStatus): CheckStatus =>
  status === 'ok' || status === 'unknown_coupon' ? 'ok' : 'failing';

const scrub = (text: string, secret: string) =>
  secret.length >= 4 ? text.split(secret).join('***') : text;

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const client = createPluginClient(strapi);

  const run = async (target: ResolvedTarget, couponCode: string): Promise<TestResult> => {
    const problem = endpointProblem(target.endpoint, {
      allowPrivateHosts: getPluginConfig(strapi).allowPrivateHosts === true,
    });
    if (problem) return { status: 'error', message: `The endpoint ${problem}.` };
    if (!target.apiKey)
      return { status: 'error', message: 'No API key is stored: enter the API key.' };
    let result: TestResult;
    try {
      const outcome = await client.issue(target, {
        couponCode,
        validityDays: 1,
        delivery: 'none',
        recipient: {},
        reference: `cl_test_${randomBytes(12).toString('base64url')}`,
        campaign: { id: 'connection-test', name: 'Connection test' },
        dryRun: true,
      });
      result = describeOutcome(outcome, couponCode);
    } catch (error) {
      result = { status: 'error', message: `The test request failed: ${(error as Error).message}` };
    }
    return { ...result, message: scrub(result.message, target.apiKey) };
  };

  return {
    /**
     * "Test connection": a dry-run request for `couponCode` with the integration's stored key.
     * Records the result as the integration's lastCheck. Null when the integration does not exist.
     */
    async test(
      documentId: string,
      couponCode: string
    ): Promise<(TestResult & { integration: IntegrationView }) | null> {
      const integrations = getService(strapi, 'integrations');
      if (!(await integrations.get(documentId))) return null;
      let result: TestResult;
      try {
        const target = await integrations.resolveTarget(documentId);
        result = target
          ? await run(target, couponCode)
          : { status: 'error', message: 'The integration was deleted.' };
      } catch (error) {
        // The stored key cannot be decrypted (key changed or data damaged): say so, do not crash.
        result = { status: 'error', message: (error as Error).message };
      }
      await integrations.recordCheck(documentId, checkStatusOf(result.status), result.message);
      const integration = (await integrations.get(documentId)) as IntegrationView;
      return { ...result, integration };
    },
  };
};

export default service;
