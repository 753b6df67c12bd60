import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import {
  exportCoupons,
  retryCoupon,
  retryCoupons,
  type AdminCoupon,
  type CouponQuery,
} from '../../api/coupons';
import { saveBlob } from './download';
import { errorMessage } from './errorMessage';
import { messages } from './messages';

export interface DashboardNotification {
  type: 'success' | 'danger' | 'info' | 'warning';
  message: string;
}

/** Retry one coupon, retry every failed one of the filters, export the filtered rows as CSV. */
export const useCouponActions = ({
  query,
  notify,
  refresh,
}: {
  query: CouponQuery;
  notify: (notification: DashboardNotification) => void;
  /** Loads the page again after a retry. */
  refresh: () => void;
}) => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const [retrying, setRetrying] = React.useState<ReadonlySet<number>>(() => new Set());
  const [retryingAll, setRetryingAll] = React.useState(false);
  const [exporting, setExporting] = React.useState(false);

  const failed = (error: unknown, message = messages.retryError) =>
    notify({ type: 'danger', message: formatMessage(message, { message: errorMessage(error) }) });

  const onRetry = async (coupon: AdminCoupon) => {
    setRetrying((ids) => new Set(ids).add(coupon.id));
    try {
      const count = await retryCoupon({ get, post }, coupon.id);
      notify({ type: 'success', message: formatMessage(messages.retried, { count }) });
    } catch (error) {
      failed(error);
    } finally {
      setRetrying((ids) => {
        const next = new Set(ids);
        next.delete(coupon.id);
        return next;
      });
      refresh();
    }
  };

  const onRetryAll = async () => {
    setRetryingAll(true);
    try {
      const count = await retryCoupons({ get, post }, query);
      notify({ type: 'success', message: formatMessage(messages.retried, { count }) });
    } catch (error) {
      failed(error);
    } finally {
      setRetryingAll(false);
      refresh();
    }
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const { blob, fileName } = await exportCoupons({ get, post }, query);
      saveBlob(blob, fileName);
    } catch (error) {
      failed(error, messages.exportError);
    } finally {
      setExporting(false);
    }
  };

  return { retrying, retryingAll, exporting, onRetry, onRetryAll, onExport };
};
