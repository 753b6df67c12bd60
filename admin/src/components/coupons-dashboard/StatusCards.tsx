import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { COUPON_STATUSES, type CouponStats } from '../../services/coupons';
import { messages } from './messages';
import { STATUS_META } from './statusMeta';

export interface StatusCardsProps {
  /** `null` while the first counts load. */
  stats: CouponStats | null;
}

const DOT: Record<string, string> = {
  pending: 'secondary600',
  issued: 'success600',
  failed: 'warning600',
  dead: 'danger600',
  needs_attention: 'warning500',
};

/** The counts (pending, issued, failed, dead; needs attention when any) for the campaign and dates. */
export const StatusCards = ({ stats }: StatusCardsProps) => {
  const { formatMessage, formatNumber } = useIntl();

  return (
    <Box tag="section" aria-label={formatMessage(messages.countsLabel)}>
      <Grid.Root gap={4}>
        {/* Needs attention only has a card when some coupon needs it. */}
        {COUPON_STATUSES.filter(
          (status) => status !== 'needs_attention' || (stats?.needs_attention ?? 0) > 0
        ).map((status) => {
          const meta = STATUS_META[status];
          const label = formatMessage(meta.label);
          return (
            <Grid.Item key={status} col={3} s={6} xs={12} alignItems="stretch">
              <Box
                tag="section"
                aria-label={label}
                background="neutral0"
                hasRadius
                shadow="tableShadow"
                padding={4}
                width="100%"
              >
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Flex gap={2} alignItems="center">
                    <Box
                      aria-hidden
                      background={DOT[status]}
                      width="0.8rem"
                      height="0.8rem"
                      borderRadius="50%"
                    />
                    <Typography variant="sigma" textColor="neutral600">
                      {label}
                    </Typography>
                  </Flex>
                  <Typography variant="alpha" tag="p" data-testid={`count-${status}`}>
                    {stats ? formatNumber(stats[status]) : formatMessage(messages.none)}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage(meta.hint)}
                  </Typography>
                </Flex>
              </Box>
            </Grid.Item>
          );
        })}
      </Grid.Root>
    </Box>
  );
};
