import type {
  CampaignPreview,
  CampaignVersion,
  TestCouponRequest,
} from '../../../shared/contracts/preview';
import { PLUGIN_ID } from '../pluginId';
import { clearonApi, unwrap } from './api';

/** The campaign tools' admin routes (preview, test coupon) as RTK Query endpoints. */

export interface CampaignRef {
  documentId: string;
  version: CampaignVersion;
}

const base = (documentId: string) => `/${PLUGIN_ID}/campaigns/${encodeURIComponent(documentId)}`;

const campaignToolsApi = clearonApi.injectEndpoints({
  endpoints: (builder) => ({
    /** `GET /clearon/campaigns/:documentId/preview?status=draft|published`. */
    getCampaignPreview: builder.query<CampaignPreview, CampaignRef>({
      query: ({ documentId, version }) => `${base(documentId)}/preview?status=${version}`,
      transformResponse: unwrap<CampaignPreview>,
      providesTags: (_result, _error, { documentId }) => [
        { type: 'ClearonCampaign', id: documentId },
      ],
    }),
    /**
     * `POST /clearon/campaigns/:documentId/test-coupon`: the route's whole answer
     * (`{data: {status, message, coupon?}}`), which the caller reads into a TestCouponAnswer.
     */
    sendTestCoupon: builder.mutation<
      unknown,
      CampaignRef & { request: Omit<TestCouponRequest, 'status'> }
    >({
      query: ({ documentId, version, request }) => ({
        url: `${base(documentId)}/test-coupon`,
        method: 'POST',
        data: { ...request, status: version },
      }),
    }),
  }),
});

export const { useGetCampaignPreviewQuery, useSendTestCouponMutation } = campaignToolsApi;
