import * as React from 'react';
import { Button, Flex, Td, Tooltip, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { AdminCoupon } from '../../services/coupons';
import { DataTable } from '../shared/DataTable';
import { CouponStatusBadge } from './CouponStatusBadge';
import { messages } from './messages';
import { ERROR_MESSAGES, isRetryable } from './statusMeta';

export interface CouponsTableProps {
  rows: AdminCoupon[];
  /** The coupon's campaign title (its id when unknown), or its trigger's name. */
  sourceTitle: (coupon: AdminCoupon) => string;
  /** Shows the Retry column (the user holds coupons.retry). */
  canRetry: boolean;
  /** Ids of the coupons whose retry is under way. */
  retrying: ReadonlySet<number>;
  onRetry: (coupon: AdminCoupon) => void;
}

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short' } as const;
const DATE = { dateStyle: 'medium' } as const;

const HEADERS = [
  messages.columnCreated,
  messages.columnCampaign,
  messages.columnStatus,
  messages.columnDelivery,
  messages.columnRecipient,
  messages.columnAttempts,
  messages.columnError,
  messages.columnIssued,
];

/** A cell's main line, and a grey note under it when there is one. */
const CellLines = ({ main, note }: { main: React.ReactNode; note?: string | null }) => (
  <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="28rem">
    {main}
    {note ? (
      <Typography variant="pi" textColor="neutral600">
        {note}
      </Typography>
    ) : null}
  </Flex>
);

/** The coupons of the current page, newest first. */
export const CouponsTable = ({
  rows,
  sourceTitle,
  canRetry,
  retrying,
  onRetry,
}: CouponsTableProps) => {
  const { formatMessage, formatDate } = useIntl();
  const none = formatMessage(messages.none);

  const channelText = (channel: string | null) =>
    formatMessage(
      channel === 'email'
        ? messages.channelEmail
        : channel === 'sms'
          ? messages.channelSms
          : messages.channelNone
    );

  // The last error in plain words (the server's text in a tooltip), and when the next try goes out.
  const errorCell = (coupon: AdminCoupon) => {
    if (!coupon.lastError && !coupon.lastErrorCode) return <Typography>{none}</Typography>;
    const known = coupon.lastErrorCode ? ERROR_MESSAGES[coupon.lastErrorCode] : undefined;
    const plain = known ? formatMessage(known) : (coupon.lastError ?? coupon.lastErrorCode ?? '');
    const next =
      coupon.status === 'pending' && coupon.nextAttemptAt
        ? formatMessage(messages.nextAttempt, {
            date: formatDate(coupon.nextAttemptAt, DATE_TIME),
          })
        : null;
    return (
      <CellLines
        main={
          <Tooltip label={coupon.lastError ?? plain}>
            <Typography ellipsis tabIndex={0} maxWidth="28rem" display="block">
              {plain}
            </Typography>
          </Tooltip>
        }
        note={next}
      />
    );
  };

  const retryButton = (coupon: AdminCoupon) =>
    isRetryable(coupon.status) ? (
      <Button
        variant="secondary"
        size="S"
        startIcon={<ArrowClockwise />}
        loading={retrying.has(coupon.id)}
        onClick={() => onRetry(coupon)}
        aria-label={formatMessage(messages.retryLabel, { reference: coupon.reference })}
      >
        {formatMessage(messages.retry)}
      </Button>
    ) : null;

  /** The row's cells, in the order of the headers. */
  const cells = (coupon: AdminCoupon): React.ReactNode[] => [
    <Typography>{formatDate(coupon.createdAt, DATE_TIME)}</Typography>,
    <Typography ellipsis maxWidth="20rem" display="block">
      {sourceTitle(coupon)}
    </Typography>,
    <CouponStatusBadge status={coupon.status} />,
    <CellLines
      main={
        <Typography>
          {formatMessage(
            coupon.delivery === 'automatic' ? messages.deliveryAutomatic : messages.deliveryButton
          )}
        </Typography>
      }
      note={channelText(coupon.channel)}
    />,
    <Typography>{coupon.recipient ?? none}</Typography>,
    <Typography>{coupon.attempts}</Typography>,
    errorCell(coupon),
    <CellLines
      main={
        <Typography>{coupon.issuedAt ? formatDate(coupon.issuedAt, DATE_TIME) : none}</Typography>
      }
      note={
        coupon.expiresAt
          ? formatMessage(messages.expires, { date: formatDate(coupon.expiresAt, DATE) })
          : null
      }
    />,
    ...(canRetry ? [retryButton(coupon)] : []),
  ];

  return (
    <DataTable
      headers={canRetry ? [...HEADERS, messages.columnActions] : HEADERS}
      rowCount={rows.length}
      label={formatMessage(messages.tableLabel)}
    >
      {rows.map((coupon) => (
        <Tr key={coupon.id}>
          {cells(coupon).map((cell, column) => (
            <Td key={HEADERS[column]?.id ?? 'actions'}>{cell}</Td>
          ))}
        </Tr>
      ))}
    </DataTable>
  );
};
