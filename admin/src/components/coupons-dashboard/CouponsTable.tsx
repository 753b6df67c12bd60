import {
  Button,
  Flex,
  Status,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tooltip,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { AdminCoupon } from '../../api/coupons';
import { messages } from './messages';
import { ERROR_MESSAGES, STATUS_META, isRetryable } from './statusMeta';

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
  const headers = [
    messages.columnCreated,
    messages.columnCampaign,
    messages.columnStatus,
    messages.columnDelivery,
    messages.columnRecipient,
    messages.columnAttempts,
    messages.columnError,
    messages.columnIssued,
    ...(canRetry ? [messages.columnActions] : []),
  ];

  const channelText = (channel: string | null) =>
    channel === 'email'
      ? formatMessage(messages.channelEmail)
      : channel === 'sms'
        ? formatMessage(messages.channelSms)
        : formatMessage(messages.channelNone);

  const errorCell = (coupon: AdminCoupon) => {
    if (!coupon.lastError && !coupon.lastErrorCode) return <Typography>{none}</Typography>;
    const known = coupon.lastErrorCode ? ERROR_MESSAGES[coupon.lastErrorCode] : undefined;
    const plain = known ? formatMessage(known) : (coupon.lastError ?? coupon.lastErrorCode ?? '');
    const detail = coupon.lastError ?? plain;
    return (
      <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="28rem">
        <Tooltip label={detail}>
          <Typography ellipsis tabIndex={0} maxWidth="28rem" display="block">
            {plain}
          </Typography>
        </Tooltip>
        {coupon.status === 'pending' && coupon.nextAttemptAt ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(messages.nextAttempt, {
              date: formatDate(coupon.nextAttemptAt, DATE_TIME),
            })}
          </Typography>
        ) : null}
      </Flex>
    );
  };

  return (
    <Table
      colCount={headers.length}
      rowCount={rows.length + 1}
      aria-label={formatMessage(messages.tableLabel)}
    >
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header.id}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage(header)}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((coupon) => {
          const meta = STATUS_META[coupon.status];
          return (
            <Tr key={coupon.id}>
              <Td>
                <Typography>{formatDate(coupon.createdAt, DATE_TIME)}</Typography>
              </Td>
              <Td>
                <Typography ellipsis maxWidth="20rem" display="block">
                  {sourceTitle(coupon)}
                </Typography>
              </Td>
              <Td>
                {meta ? (
                  <Status variant={meta.variant} size="S">
                    <Typography fontWeight="bold">{formatMessage(meta.label)}</Typography>
                  </Status>
                ) : (
                  <Typography>{coupon.status}</Typography>
                )}
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography>
                    {formatMessage(
                      coupon.delivery === 'automatic'
                        ? messages.deliveryAutomatic
                        : messages.deliveryButton
                    )}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {channelText(coupon.channel)}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <Typography>{coupon.recipient ?? none}</Typography>
              </Td>
              <Td>
                <Typography>{coupon.attempts}</Typography>
              </Td>
              <Td>{errorCell(coupon)}</Td>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography>
                    {coupon.issuedAt ? formatDate(coupon.issuedAt, DATE_TIME) : none}
                  </Typography>
                  {coupon.expiresAt ? (
                    <Typography variant="pi" textColor="neutral600">
                      {formatMessage(messages.expires, {
                        date: formatDate(coupon.expiresAt, DATE),
                      })}
                    </Typography>
                  ) : null}
                </Flex>
              </Td>
              {canRetry ? (
                <Td>
                  {isRetryable(coupon.status) ? (
                    <Button
                      variant="secondary"
                      size="S"
                      startIcon={<ArrowClockwise />}
                      loading={retrying.has(coupon.id)}
                      onClick={() => onRetry(coupon)}
                      aria-label={formatMessage(messages.retryLabel, {
                        reference: coupon.reference,
                      })}
                    >
                      {formatMessage(messages.retry)}
                    </Button>
                  ) : null}
                </Td>
              ) : null}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
