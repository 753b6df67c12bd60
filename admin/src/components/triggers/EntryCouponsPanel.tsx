import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { ACTIONS, permission } from '../../../../shared/contracts/permissions';
import { useRetryCouponMutation } from '../../services/coupons';
import type { EntryCoupon } from '../../services/triggers';
import type { EditViewPanelProps } from '../campaign-tools/CampaignToolsPanel';
import { PanelNote } from '../campaign-tools/PanelNote';
import { errorMessage } from '../coupons-dashboard/errorMessage';
import { CouponStatusBadge } from '../coupons-dashboard/CouponStatusBadge';
import { ERROR_MESSAGES, isRetryable } from '../coupons-dashboard/statusMeta';
import { messages } from './messages';
import { useEntryCoupons } from './useEntryCoupons';

/** The Content Manager's panel props, with the document's locale (i18n) when it has one. */
export interface EntryPanelProps extends EditViewPanelProps {
  document?: {
    locale?: string | null;
    updatedAt?: string | null;
    publishedAt?: string | null;
  } | null;
}

/** The edit view's query string: `?plugins[i18n][locale]=fr` for a localised document. */
type EditViewQuery = { plugins?: { i18n?: { locale?: unknown } } };

const RETRY_PERMISSIONS = [permission(ACTIONS.couponsRetry)];

/** Only the app's own content types (`api::…`) can have coupon triggers. */
export const isTriggerable = (model: string) => model.startsWith('api::');

/**
 * The "ClearOn coupon" side panel of an entry's edit view, for
 * `content-manager.apis.addEditViewSidePanel`: null for every other content type, for an entry not
 * saved yet, and for a type that no coupon trigger names.
 */
export const EntryCouponsPanel = ({ model, documentId, document }: EntryPanelProps) => {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<EditViewQuery>();
  const fromQuery = query?.plugins?.i18n?.locale;
  const locale = document?.locale ?? (typeof fromQuery === 'string' ? fromQuery : null);
  const triggerable = isTriggerable(model);
  // Saved or published again: a trigger may have written its coupon, so ask again.
  const version = `${document?.updatedAt ?? ''}|${document?.publishedAt ?? ''}`;
  const state = useEntryCoupons(triggerable ? model : null, documentId, locale, version);

  if (!triggerable || !documentId) return null;
  if (state.status === 'error' && state.httpStatus === 403) return null;
  if (state.status !== 'error' && !state.hasTriggers && state.coupons.length === 0) return null;
  return {
    title: formatMessage(messages.title),
    content: (
      <EntryCouponsContent
        coupons={state.coupons}
        failed={state.status === 'error'}
        reload={state.reload}
      />
    ),
  };
};
EntryCouponsPanel.displayName = 'ClearOnEntryCouponsPanel';

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short' } as const;

export const EntryCouponsContent = ({
  coupons,
  failed,
  reload,
}: {
  coupons: EntryCoupon[];
  failed: boolean;
  reload: () => void;
}) => {
  const { formatMessage } = useIntl();
  if (failed && coupons.length === 0) {
    return (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        <Typography variant="pi" textColor="danger600">
          {formatMessage(messages.loadError)}
        </Typography>
        <Button variant="secondary" size="S" onClick={reload}>
          {formatMessage(messages.tryAgain)}
        </Button>
      </Flex>
    );
  }
  if (coupons.length === 0) {
    return <PanelNote>{formatMessage(messages.none)}</PanelNote>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      {coupons.map((coupon) => (
        <EntryCouponCard key={coupon.id} coupon={coupon} />
      ))}
    </Flex>
  );
};

/** One coupon of the entry; a Retry refreshes the panel through the coupons' tag. */
const EntryCouponCard = ({ coupon }: { coupon: EntryCoupon }) => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(RETRY_PERMISSIONS);
  const [retryCoupon, { isLoading: busy }] = useRetryCouponMutation();
  const error = coupon.lastErrorCode ? ERROR_MESSAGES[coupon.lastErrorCode] : undefined;

  const retry = async () => {
    try {
      await retryCoupon(coupon.id).unwrap();
      toggleNotification({ type: 'success', message: formatMessage(messages.retried) });
    } catch (caught) {
      toggleNotification({
        type: 'danger',
        message: formatMessage(messages.retryError, { message: errorMessage(caught) }),
      });
    }
  };

  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <CouponStatusBadge status={coupon.status} />
      <PanelNote>{formatMessage(messages.trigger, { name: coupon.triggerName })}</PanelNote>
      {coupon.recipient ? (
        <Typography variant="pi">
          {formatMessage(messages.recipient, { value: coupon.recipient })}
        </Typography>
      ) : null}
      {coupon.code ? (
        <Typography variant="omega" fontWeight="bold">
          {formatMessage(messages.code, { code: coupon.code })}
        </Typography>
      ) : null}
      {coupon.redeemUrl ? (
        <Link href={coupon.redeemUrl} isExternal>
          {formatMessage(messages.redeem)}
        </Link>
      ) : null}
      {error && coupon.status !== 'issued' ? (
        <Typography variant="pi" textColor="danger600">
          {formatMessage(error)}
        </Typography>
      ) : null}
      <PanelNote>
        {formatMessage(messages.created, { date: formatDate(coupon.createdAt, DATE_TIME) })}
      </PanelNote>
      {isRetryable(coupon.status) && allowedActions.canRetry ? (
        <Button
          variant="secondary"
          size="S"
          startIcon={<ArrowClockwise />}
          loading={busy}
          onClick={() => void retry()}
        >
          {formatMessage(messages.retry)}
        </Button>
      ) : null}
    </Flex>
  );
};
