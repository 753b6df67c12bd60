import { Box, Button, DatePicker, Field, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { COUPON_STATUSES, type CampaignOption } from '../../services/coupons';
import { FilterSelect, type FilterSelectProps } from './FilterSelect';
import { formatDay, hasFilters, parseDay, type DashboardFilters, type FilterKey } from './filters';
import { messages, type Message } from './messages';
import { STATUS_META } from './statusMeta';
import type { TriggerOption } from './useSourceOptions';

export interface CouponFiltersProps {
  filters: DashboardFilters;
  campaigns: CampaignOption[];
  /** The coupon triggers (empty: no trigger filter). */
  triggers?: TriggerOption[];
  onChange: (key: FilterKey, value: string | undefined) => void;
  onReset: () => void;
}

/** A select of the filters: which filter, its texts, its options. */
interface SelectFilter extends Pick<FilterSelectProps, 'options' | 'minWidth' | 'hideWhenEmpty'> {
  name: 'campaign' | 'trigger' | 'status';
  label: Message;
  allLabel: Message;
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

  const selects: SelectFilter[] = [
    {
      name: 'campaign',
      label: messages.filterCampaign,
      allLabel: messages.filterCampaignAll,
      options: campaigns.map(({ id, title }) => ({ value: id, label: title })),
      minWidth: '22rem',
    },
    // Next to the campaign filter; hidden while there is no trigger to pick.
    {
      name: 'trigger',
      label: messages.filterTrigger,
      allLabel: messages.filterTriggerAll,
      options: triggers.map(({ key, name }) => ({ value: key, label: name })),
      minWidth: '20rem',
      hideWhenEmpty: true,
    },
    {
      name: 'status',
      label: messages.filterStatus,
      allLabel: messages.filterStatusAll,
      options: COUPON_STATUSES.map((status) => ({
        value: status,
        label: formatMessage(STATUS_META[status].label),
      })),
      minWidth: '16rem',
    },
  ];

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
        {selects.map(({ name, label, allLabel, ...select }) => (
          <FilterSelect
            key={name}
            name={name}
            label={formatMessage(label)}
            allLabel={formatMessage(allLabel)}
            value={filters[name]}
            onChange={(value) => onChange(name, value)}
            {...select}
          />
        ))}
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
