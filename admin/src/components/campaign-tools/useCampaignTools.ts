import * as React from 'react';

import {
  useGetCampaignPreviewQuery,
  useSendTestCouponMutation,
} from '../../services/campaignTools';
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

/**
 * The saved campaign's preview, fetched while `enabled` (and again each time it becomes enabled,
 * e.g. each opening of the test-coupon modal: the campaign may have been saved in between).
 */
export const useCampaignPreview = (
  documentId: string | undefined,
  version: CampaignVersion,
  enabled = true
): PreviewState => {
  const skip = !enabled || !documentId;
  const { currentData, error, isError, isFetching } = useGetCampaignPreviewQuery(
    { documentId: documentId ?? '', version },
    { skip, refetchOnMountOrArgChange: true }
  );
  if (skip) return { status: 'idle', preview: null };
  if (isError) {
    const status = (error as { status?: unknown } | undefined)?.status;
    return {
      status: 'error',
      preview: null,
      httpStatus: typeof status === 'number' ? status : undefined,
    };
  }
  if (currentData && !isFetching) return { status: 'ready', preview: currentData };
  return { status: 'loading', preview: null };
};

/** Sends a test coupon for the saved campaign, read into a {@link TestCouponAnswer}. */
export const useSendTestCoupon = (documentId: string | undefined, version: CampaignVersion) => {
  const [sendTestCoupon] = useSendTestCouponMutation();
  return React.useCallback(
    async (request: Omit<TestCouponRequest, 'status'>): Promise<TestCouponAnswer> => {
      if (!documentId) return { kind: 'error', message: 'Save the campaign first.' };
      try {
        return toResultAnswer(await sendTestCoupon({ documentId, version, request }).unwrap());
      } catch (error) {
        return toErrorAnswer(error);
      }
    },
    [sendTestCoupon, documentId, version]
  );
};
