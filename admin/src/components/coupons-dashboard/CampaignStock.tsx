import { Badge, Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { CampaignOption } from '../../services/coupons';
import { messages } from './messages';

export interface CampaignStockProps {
  campaigns: CampaignOption[];
}

/** Coupons left under the cap; null for an uncapped campaign. */
export const couponsLeft = (campaign: CampaignOption) =>
  campaign.maxCoupons ? Math.max(0, campaign.maxCoupons - (campaign.couponsWritten ?? 0)) : null;

/**
 * Per campaign with a cap or with blocked bot submissions: coupons written / cap, a warning below
 * the campaign's low-stock threshold, and the honeypot's count.
 */
export const CampaignStock = ({ campaigns }: CampaignStockProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const shown = campaigns.filter((c) => c.maxCoupons || (c.honeypotHits ?? 0) > 0);
  if (shown.length === 0) return null;

  return (
    <Box tag="section" aria-label={formatMessage(messages.stockLabel)}>
      <Table
        colCount={3}
        rowCount={shown.length + 1}
        aria-label={formatMessage(messages.stockLabel)}
      >
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{formatMessage(messages.stockCampaign)}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage(messages.stockIssued)}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage(messages.stockBots)}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((campaign) => {
            const written = formatNumber(campaign.couponsWritten ?? 0);
            const left = couponsLeft(campaign);
            const low = left !== null && left <= (campaign.lowStockThreshold ?? -1) ? left : null;
            return (
              <Tr key={campaign.id}>
                <Td>
                  <Typography>{campaign.title}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {campaign.maxCoupons
                      ? formatMessage(messages.stockOfCap, {
                          written,
                          cap: formatNumber(campaign.maxCoupons),
                        })
                      : formatMessage(messages.stockNoCap, { written })}
                  </Typography>{' '}
                  {left === 0 ? (
                    <Badge backgroundColor="danger100" textColor="danger700">
                      {formatMessage(messages.stockOut)}
                    </Badge>
                  ) : low !== null ? (
                    <Badge backgroundColor="warning100" textColor="warning700">
                      {formatMessage(messages.stockLow, { left: formatNumber(low) })}
                    </Badge>
                  ) : null}
                </Td>
                <Td>
                  <Typography>{formatNumber(campaign.honeypotHits ?? 0)}</Typography>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </Box>
  );
};
