import { Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { CouponStatus } from '../../services/coupons';
import { STATUS_META } from './statusMeta';

/** A coupon's status as a coloured badge (an unknown status as plain text). */
export const CouponStatusBadge = ({ status }: { status: CouponStatus }) => {
  const { formatMessage } = useIntl();
  const meta = STATUS_META[status];
  if (!meta) return <Typography>{status}</Typography>;
  return (
    <Status variant={meta.variant} size="S">
      <Typography fontWeight="bold">{formatMessage(meta.label)}</Typography>
    </Status>
  );
};
