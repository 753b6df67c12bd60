import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { COUPON_STATUSES, type CampaignOption } from '../../api/coupons';
import { formatDay, hasFilters, parseDay, type DashboardFilters, type FilterKey } from './filters';
import { messages } from './messages';
import { STATUS_META } from './statusMeta';
import { TriggerFilter } from './TriggerFilter';
import type { TriggerOption } from './useSourceOptions';

/** The select's value for "no filter" (Radix's select refuses an empty value). */
const ALL = '__all__';

export interface CouponFiltersProps {
  filters: DashboardFilters;
  campaigns: CampaignOption[];
  /** The coupon triggers (empty: no trigger filter). */
  triggers?: TriggerOption[];
  onChange: (key: FilterKey, value: string | undefined) => void;
  onReset: () => void;
}

/** Campaign, trigger, status and creation dates; the dashboard keeps them in the URL query. */
export const CouponFilters = ({
  filters,
  campaigns,
  triggers = [],
  onChange,
  onReset,
}: CouponFiltersProps) => {
  const { formatMessage, locale } = useIntl();
  // A campaign id from the URL that is not (or no longer) in the list is still shown.
  const options =
    filters.campaign && !campaigns.some((campaign) => campaign.id === filters.campaign)
      ? [...campaigns, { id: filters.campaign, title: filters.campaign }]
      : campaigns;

  const dateField = (key: 'from' | 'to', label: string) => (
    <Box minWidth="18rem">
      <Field.Root name={key}>
        <Field.Label>{label}</Field.Label>
        <DatePicker
          locale={locale}
          value={parseDay(filters[key])}
          onChange={(date) => onChange(key, date ? formatDay(date) : undefined)}
          onClear={() => onChange(key, undefined)}
          clearLabel={formatMessage(messages.filterClearDate)}
          size="S"
        />
      </Field.Root>
    </Box>
  );

  return (
    <Box tag="section" aria-label={formatMessage(messages.filtersLabel)}>
      <Flex gap={4} wrap="wrap" alignItems="flex-end">
        <Box minWidth="22rem">
          <Field.Root name="campaign">
            <Field.Label>{formatMessage(messages.filterCampaign)}</Field.Label>
            <SingleSelect
              size="S"
              value={filters.campaign ?? ALL}
              onChange={(value) => onChange('campaign', value === ALL ? undefined : String(value))}
            >
              <SingleSelectOption value={ALL}>
                {formatMessage(messages.filterCampaignAll)}
              </SingleSelectOption>
              {options.map((campaign) => (
                <SingleSelectOption key={campaign.id} value={campaign.id}>
                  {campaign.title}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <TriggerFilter
          value={filters.trigger}
          triggers={triggers}
          onChange={(value) => onChange('trigger', value)}
        />
        <Box minWidth="16rem">
          <Field.Root name="status">
            <Field.Label>{formatMessage(messages.filterStatus)}</Field.Label>
            <SingleSelect
              size="S"
              value={filters.status ?? ALL}
              onChange={(value) => onChange('status', value === ALL ? undefined : String(value))}
            >
              <SingleSelectOption value={ALL}>
                {formatMessage(messages.filterStatusAll)}
              </SingleSelectOption>
              {COUPON_STATUSES.map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {formatMessage(STATUS_META[status].label)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        {dateField('from', formatMessage(messages.filterFrom))}
        {dateField('to', formatMessage(messages.filterTo))}
        {hasFilters(filters) ? (
          <Button variant="tertiary" size="S" onClick={onReset}>
            {formatMessage(messages.filterReset)}
          </Button>
        ) : null}
      </Flex>
    </Box>
  );
};
