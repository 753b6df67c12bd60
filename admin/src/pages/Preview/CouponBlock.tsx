import { Alert, Box, Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { messages } from '../../components/campaign-tools/messages';
import type { CampaignPreview, PreviewCoupon } from '../../components/campaign-tools/types';

/**
 * The coupon part of an exit screen as the participant's page shows it: Button shows the code and
 * the redeem link (here the sample ones); Automatic only says ClearOn sends the coupon.
 */
export const CouponBlock = ({
  coupon,
  sample,
}: {
  coupon: PreviewCoupon | null;
  sample: CampaignPreview['sampleCoupon'];
}) => {
  const { formatMessage, formatDate } = useIntl();
  if (!coupon) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(messages.couponNone)}
      </Typography>
    );
  }
  const settings = (
    <Typography variant="pi" textColor="neutral600">
      {formatMessage(messages.couponSettings, {
        code: coupon.couponCode,
        days: coupon.validityDays,
        delivery: coupon.delivery,
      })}
    </Typography>
  );
  if (coupon.delivery === 'automatic') {
    return (
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Alert variant="default" closeLabel={formatMessage(messages.close)}>
          {formatMessage(messages.couponAutomatic)}
        </Alert>
        {settings}
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Box
        padding={4}
        hasRadius
        borderStyle="dashed"
        borderWidth="1px"
        borderColor="primary200"
        background="primary100"
        aria-label={formatMessage(messages.couponSample)}
        tag="section"
      >
        <Flex direction="column" alignItems="flex-start" gap={2}>
          <Typography variant="omega">{formatMessage(messages.couponButtonIntro)}</Typography>
          <Typography variant="alpha" tag="p" data-testid="clearon-sample-code">
            {sample.code}
          </Typography>
          <Link href={sample.redeemUrl} isExternal>
            {formatMessage(messages.couponRedeem)}
          </Link>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(messages.couponValidUntil, {
              date: formatDate(sample.expiresAt, { dateStyle: 'medium' }),
            })}
          </Typography>
        </Flex>
      </Box>
      {settings}
    </Flex>
  );
};
