import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { messages } from './messages';
import type { TriggerOption } from './useSourceOptions';

/** The select's value for "no filter" (Radix's select refuses an empty value). */
const ALL = '__all__';

/**
 * The coupon-trigger filter, next to the campaign filter; hidden while there is no trigger to
 * pick (and none in the URL).
 */
export const TriggerFilter = ({
  value,
  triggers,
  onChange,
}: {
  value: string | undefined;
  triggers: TriggerOption[];
  onChange: (value: string | undefined) => void;
}) => {
  const { formatMessage } = useIntl();
  // A trigger key from the URL that is not (or no longer) in the list is still shown.
  const options =
    value && !triggers.some((trigger) => trigger.key === value)
      ? [...triggers, { key: value, name: value }]
      : triggers;
  if (options.length === 0) return null;
  return (
    <Box minWidth="20rem">
      <Field.Root name="trigger">
        <Field.Label>{formatMessage(messages.filterTrigger)}</Field.Label>
        <SingleSelect
          size="S"
          value={value ?? ALL}
          onChange={(next) => onChange(next === ALL ? undefined : String(next))}
        >
          <SingleSelectOption value={ALL}>
            {formatMessage(messages.filterTriggerAll)}
          </SingleSelectOption>
          {options.map((trigger) => (
            <SingleSelectOption key={trigger.key} value={trigger.key}>
              {trigger.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};
