import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../../pluginId';
import { toErrorAnswer, toResultAnswer } from './answers';
import type {
  CampaignPreview,
  CampaignVersion,
  TestCouponAnswer,
  TestCouponRequest,
} from './types';

export type PreviewState =
  | { status: 'idle' | 'loading'; preview: null }
  | { status: 'ready'; preview: CampaignPreview }
  | { status: 'error'; preview: null; httpStatus?: number };

const base = (documentId: string) => `/${PLUGIN_ID}/campaigns/${encodeURIComponent(documentId)}`;

/** `GET /clearon/campaigns/:documentId/preview`, fetched while `enabled` (again on `reload`). */
export const useCampaignPreview = (
  documentId: string | undefined,
  version: CampaignVersion,
  enabled = true
) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<PreviewState>({ status: 'idle', preview: null });
  const [round, setRound] = React.useState(0);

  React.useEffect(() => {
    if (!enabled || !documentId) return undefined;
    let active = true;
    setState({ status: 'loading', preview: null });
    get<{ data: CampaignPreview }>(`${base(documentId)}/preview`, { params: { status: version } })
      .then(({ data }) => {
        if (active) setState({ status: 'ready', preview: data.data });
      })
      .catch(
        (error: { status?: number; response?: { data?: { error?: { status?: number } } } }) => {
          if (active)
            setState({
              status: 'error',
              preview: null,
              httpStatus: error?.response?.data?.error?.status ?? error?.status,
            });
        }
      );
    return () => {
      active = false;
    };
  }, [get, documentId, version, enabled, round]);

  const reload = React.useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
};

/** `POST /clearon/campaigns/:documentId/test-coupon`, read into a {@link TestCouponAnswer}. */
export const useSendTestCoupon = (documentId: string | undefined, version: CampaignVersion) => {
  const { post } = useFetchClient();
  return React.useCallback(
    async (request: Omit<TestCouponRequest, 'status'>): Promise<TestCouponAnswer> => {
      if (!documentId) return { kind: 'error', message: 'Save the campaign first.' };
      try {
        const { data } = await post(`${base(documentId)}/test-coupon`, {
          ...request,
          status: version,
        });
        return toResultAnswer(data);
      } catch (error) {
        return toErrorAnswer(error);
      }
    },
    [post, documentId, version]
  );
};
