import * as React from 'react';
import { Box, Button, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { Download, WarningCircle } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';

import { ACTIONS, permission } from '../../../../shared/contracts/permissions';
import type { AdminCoupon } from '../../services/coupons';
import { CouponFilters } from './CouponFilters';
import { CouponsPagination } from './CouponsPagination';
import { CouponsTable } from './CouponsTable';
import {
  hasFilters,
  readFilters,
  toCouponQuery,
  withFilter,
  withPage,
  withoutFilters,
  type FilterKey,
} from './filters';
import { messages } from './messages';
import { RetryAllButton } from './RetryAllButton';
import { StatusCards } from './StatusCards';
import { CampaignStock } from './CampaignStock';
import { CircuitBanner } from './CircuitBanner';
import { useCouponActions, type DashboardNotification } from './useCouponActions';
import { useCouponsPage } from './useCouponsPage';
import { useSourceOptions } from './useSourceOptions';

export type { DashboardNotification } from './useCouponActions';
export { REFRESH_MS } from './useCouponsPage';

export interface CouponsDashboardProps {
  /** Shows a toast (the page passes Strapi's `useNotification().toggleNotification`). */
  notify: (notification: DashboardNotification) => void;
}

const PERMISSIONS = [permission(ACTIONS.couponsRetry), permission(ACTIONS.couponsExport)];

/**
 * The coupons dashboard: counts by status, filters (kept in the URL query), the coupons newest
 * first, Retry (one, or all failed for the filters) and the CSV export of the filtered rows.
 */
export const CouponsDashboard = ({ notify }: CouponsDashboardProps) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading: permissionsLoading } = useRBAC(PERMISSIONS);
  const canRetry = !permissionsLoading && allowedActions.canRetry === true;
  const canExport = !permissionsLoading && allowedActions.canExport === true;

  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const { campaign, trigger, status, from, to, page } = filters;
  const query = React.useMemo(
    () => toCouponQuery({ campaign, trigger, status, from, to, page: 1 }),
    [campaign, trigger, status, from, to]
  );

  const { data, loadState, loadError, reload } = useCouponsPage(query, page);
  const { campaigns, triggers } = useSourceOptions();
  const { retrying, retryingAll, exporting, onRetry, onRetryAll, onExport } = useCouponActions({
    query,
    notify,
  });

  // A page past the end (after a retry emptied it, or an old link) goes to the last page.
  const pageCount = data?.list.pagination.pageCount ?? 0;
  React.useEffect(() => {
    if (loadState === 'ready' && pageCount > 0 && page > pageCount) {
      setSearchParams(withPage(searchParams, pageCount), { replace: true });
    }
  }, [loadState, page, pageCount, searchParams, setSearchParams]);

  const titles = React.useMemo(
    () => new Map(campaigns.map((option) => [option.id, option.title])),
    [campaigns]
  );
  const triggerNames = React.useMemo(
    () => new Map(triggers.map((option) => [option.key, option.name])),
    [triggers]
  );
  // A trigger's coupon has no campaign: the row names its trigger instead.
  const sourceTitle = (coupon: AdminCoupon) =>
    coupon.campaign
      ? (titles.get(coupon.campaign) ?? coupon.campaign)
      : coupon.trigger
        ? formatMessage(messages.triggerSource, {
            name: triggerNames.get(coupon.trigger) ?? coupon.trigger,
          })
        : formatMessage(messages.none);

  const setFilter = (key: FilterKey, value: string | undefined) =>
    setSearchParams(withFilter(searchParams, key, value));

  const ready = loadState === 'ready' && data !== null;
  const stats = ready ? data.stats : null;
  const retryableCount = !stats
    ? 0
    : status === 'failed' || status === 'dead'
      ? stats[status]
      : status
        ? 0
        : stats.failed + stats.dead;
  const total = ready ? data.list.pagination.total : 0;
  const polling = ready && data.list.results.some((coupon) => coupon.status === 'pending');

  let body: React.ReactNode;
  if (loadState === 'error') {
    body = (
      <EmptyStateLayout
        icon={<WarningCircle width="6.4rem" height="6.4rem" fill="danger600" />}
        content={`${formatMessage(messages.loadError)} ${loadError}`}
        action={
          <Button variant="secondary" onClick={reload}>
            {formatMessage(messages.tryAgain)}
          </Button>
        }
      />
    );
  } else if (!ready) {
    body = (
      <Flex justifyContent="center" padding={8}>
        <Loader>{formatMessage(messages.loading)}</Loader>
      </Flex>
    );
  } else if (data.list.results.length === 0) {
    body = (
      <EmptyStateLayout
        content={formatMessage(hasFilters(filters) ? messages.emptyFiltered : messages.empty)}
        action={
          hasFilters(filters) ? (
            <Button
              variant="secondary"
              onClick={() => setSearchParams(withoutFilters(searchParams))}
            >
              {formatMessage(messages.filterReset)}
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    body = (
      <Flex direction="column" alignItems="stretch" gap={4}>
        <CouponsTable
          rows={data.list.results}
          sourceTitle={sourceTitle}
          canRetry={canRetry}
          retrying={retrying}
          onRetry={(coupon) => void onRetry(coupon)}
        />
        <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(messages.total, { total })}
          </Typography>
          <CouponsPagination
            page={page}
            pageCount={pageCount}
            searchFor={(target) => `?${withPage(searchParams, target).toString()}`}
          />
        </Flex>
      </Flex>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <CircuitBanner />
      <StatusCards stats={stats} />
      <CampaignStock campaigns={campaigns} />
      <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
        <CouponFilters
          filters={filters}
          campaigns={campaigns}
          triggers={triggers}
          onChange={setFilter}
          onReset={() => setSearchParams(withoutFilters(searchParams))}
        />
        <Flex gap={2}>
          {canRetry ? (
            <RetryAllButton
              count={retryableCount}
              busy={retryingAll}
              onConfirm={() => void onRetryAll()}
            />
          ) : null}
          {canExport ? (
            <Button
              variant="secondary"
              startIcon={<Download />}
              loading={exporting}
              disabled={!ready || total === 0}
              onClick={() => void onExport()}
            >
              {formatMessage(messages.exportCsv)}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Box role="status" aria-live="polite">
        {polling ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(messages.autoRefresh)}
          </Typography>
        ) : null}
      </Box>
      {body}
    </Flex>
  );
};
