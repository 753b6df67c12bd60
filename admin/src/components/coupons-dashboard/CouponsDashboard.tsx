import * as React from 'react';
import { Box, Button, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { Download, WarningCircle } from '@strapi/icons';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';

import { ACTIONS, permission } from '../../../../shared/contracts/permissions';
import {
  exportCoupons,
  getCouponStats,
  listCampaignOptions,
  listCoupons,
  retryCoupon,
  retryCoupons,
  type AdminCoupon,
  type CampaignOption,
  type CouponPage,
  type CouponStats,
} from '../../api/coupons';
import { CouponFilters } from './CouponFilters';
import { CouponsPagination } from './CouponsPagination';
import { CouponsTable } from './CouponsTable';
import { saveBlob } from './download';
import {
  PAGE_SIZE,
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

export interface DashboardNotification {
  type: 'success' | 'danger' | 'info' | 'warning';
  message: string;
}

export interface CouponsDashboardProps {
  /** Shows a toast (the page passes Strapi's `useNotification().toggleNotification`). */
  notify: (notification: DashboardNotification) => void;
}

/** While a row of the page is pending, the page reloads this often. */
export const REFRESH_MS = 5_000;

const PERMISSIONS = [permission(ACTIONS.couponsRetry), permission(ACTIONS.couponsExport)];

/** The server's message (`{error: {message}}`) when there is one. */
const errorMessage = (error: unknown) => {
  const failure = error as {
    response?: { data?: { error?: { message?: string } } };
    message?: string;
  } | null;
  return failure?.response?.data?.error?.message || failure?.message || String(error);
};

type LoadState = 'loading' | 'ready' | 'error';

/**
 * The coupons dashboard: counts by status, filters (kept in the URL query), the coupons newest
 * first, Retry (one, or all failed for the filters) and the CSV export of the filtered rows.
 */
export const CouponsDashboard = ({ notify }: CouponsDashboardProps) => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const { allowedActions, isLoading: permissionsLoading } = useRBAC(PERMISSIONS);
  const canRetry = !permissionsLoading && allowedActions.canRetry === true;
  const canExport = !permissionsLoading && allowedActions.canExport === true;

  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const { campaign, status, from, to, page } = filters;
  const query = React.useMemo(
    () => toCouponQuery({ campaign, status, from, to, page: 1 }),
    [campaign, status, from, to]
  );

  const [data, setData] = React.useState<{ list: CouponPage; stats: CouponStats } | null>(null);
  const [loadState, setLoadState] = React.useState<LoadState>('loading');
  const [loadError, setLoadError] = React.useState('');
  const [reloads, setReloads] = React.useState(0);
  const silentNext = React.useRef(false);
  const [campaigns, setCampaigns] = React.useState<CampaignOption[]>([]);
  const [retrying, setRetrying] = React.useState<ReadonlySet<number>>(() => new Set());
  const [retryingAll, setRetryingAll] = React.useState(false);
  const [exporting, setExporting] = React.useState(false);

  /** Loads again without the loading state (after a retry; auto-refresh does the same). */
  const refresh = React.useCallback(() => {
    silentNext.current = true;
    setReloads((n) => n + 1);
  }, []);

  // The page and the counts; again every REFRESH_MS while a row of the page is pending.
  React.useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const client = { get, post };

    const load = async (silent: boolean) => {
      if (!silent) setLoadState('loading');
      try {
        const [list, stats] = await Promise.all([
          listCoupons(client, query, page, PAGE_SIZE),
          getCouponStats(client, query),
        ]);
        if (!active) return;
        setData({ list, stats });
        setLoadState('ready');
        if (list.results.some((coupon) => coupon.status === 'pending')) {
          timer = setTimeout(() => void load(true), REFRESH_MS);
        }
      } catch (error) {
        if (!active) return;
        if (silent) {
          // A failed refresh keeps what is shown and tries again.
          timer = setTimeout(() => void load(true), REFRESH_MS);
          return;
        }
        setLoadError(errorMessage(error));
        setLoadState('error');
      }
    };

    const silent = silentNext.current;
    silentNext.current = false;
    void load(silent);
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
  }, [get, post, query, page, reloads]);

  // The campaigns' titles; without them the table and the filter show the campaign ids.
  React.useEffect(() => {
    let active = true;
    listCampaignOptions({ get, post })
      .then((options) => {
        if (active) setCampaigns(options);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [get, post]);

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
  const campaignTitle = (id: string | null) =>
    id ? (titles.get(id) ?? id) : formatMessage(messages.none);

  const setFilter = (key: FilterKey, value: string | undefined) =>
    setSearchParams(withFilter(searchParams, key, value));

  const onRetry = async (coupon: AdminCoupon) => {
    setRetrying((ids) => new Set(ids).add(coupon.id));
    try {
      const count = await retryCoupon({ get, post }, coupon.id);
      notify({ type: 'success', message: formatMessage(messages.retried, { count }) });
    } catch (error) {
      notify({
        type: 'danger',
        message: formatMessage(messages.retryError, { message: errorMessage(error) }),
      });
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
      notify({
        type: 'danger',
        message: formatMessage(messages.retryError, { message: errorMessage(error) }),
      });
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
      notify({
        type: 'danger',
        message: formatMessage(messages.exportError, { message: errorMessage(error) }),
      });
    } finally {
      setExporting(false);
    }
  };

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
          <Button variant="secondary" onClick={() => setReloads((n) => n + 1)}>
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
          campaignTitle={campaignTitle}
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
