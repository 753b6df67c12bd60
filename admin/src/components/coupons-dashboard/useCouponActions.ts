import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import {
  exportCoupons,
  useRetryCouponMutation,
  useRetryCouponsMutation,
  type AdminCoupon,
  type CouponQuery,
} from '../../services/coupons';
import { saveBlob } from './download';
import { errorMessage } from './errorMessage';
import { messages } from './messages';

export interface DashboardNotification {
  type: 'success' | 'danger' | 'info' | 'warning';
  message: string;
}

/**
 * Retry one coupon, retry every failed one of the filters (either refreshes the page, the counts
 * and the circuits through their tags), export the filtered rows as CSV.
 */
export const useCouponActions = ({
  query,
  notify,
}: {
  query: CouponQuery;
  notify: (notification: DashboardNotification) => void;
}) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [retryCoupon] = useRetryCouponMutation();
  const [retryCoupons, { isLoading: retryingAll }] = useRetryCouponsMutation();
  const [retrying, setRetrying] = React.useState<ReadonlySet<number>>(() => new Set());
  const [exporting, setExporting] = React.useState(false);

  const failed = (error: unknown, message = messages.retryError) =>
    notify({ type: 'danger', message: formatMessage(message, { message: errorMessage(error) }) });
  const retried = (count: number) =>
    notify({ type: 'success', message: formatMessage(messages.retried, { count }) });

  const onRetry = async (coupon: AdminCoupon) => {
    setRetrying((ids) => new Set(ids).add(coupon.id));
    try {
      retried(await retryCoupon(coupon.id).unwrap());
    } catch (error) {
      failed(error);
    } finally {
      setRetrying((ids) => {
        const next = new Set(ids);
        next.delete(coupon.id);
        return next;
      });
    }
  };

  const onRetryAll = async () => {
    try {
      retried(await retryCoupons(query).unwrap());
    } catch (error) {
      failed(error);
    }
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const { blob, fileName } = await exportCoupons({ get }, query);
      saveBlob(blob, fileName);
    } catch (error) {
      failed(error, messages.exportError);
    } finally {
      setExporting(false);
    }
  };

  return { retrying, retryingAll, exporting, onRetry, onRetryAll, onExport };
};
