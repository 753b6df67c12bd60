import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

/** The select's value for "no filter" (Radix's select refuses an empty value). */
const ALL = '__all__';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterSelectProps {
  /** The filter's key (the field's name). */
  name: string;
  label: string;
  /** The first option: no filter. */
  allLabel: string;
  value: string | undefined;
  options: FilterOption[];
  onChange: (value: string | undefined) => void;
  minWidth: string;
  /** Renders nothing while there is nothing to pick (and no value from the URL). */
  hideWhenEmpty?: boolean;
}

/**
 * One select of the dashboard's filters: "all", or one of the options. A value from the URL that
 * is not (or no longer) an option is still shown, under its own name.
 */
export const FilterSelect = ({
  name,
  label,
  allLabel,
  value,
  options,
  onChange,
  minWidth,
  hideWhenEmpty = false,
}: FilterSelectProps) => {
  const listed =
    value && !options.some((option) => option.value === value)
      ? [...options, { value, label: value }]
      : options;
  if (hideWhenEmpty && listed.length === 0) return null;
  return (
    <Box minWidth={minWidth}>
      <Field.Root name={name}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect
          size="S"
          value={value ?? ALL}
          onChange={(next) => onChange(next === ALL ? undefined : String(next))}
        >
          <SingleSelectOption value={ALL}>{allLabel}</SingleSelectOption>
          {listed.map((option) => (
            <SingleSelectOption key={option.value} value={option.value}>
              {option.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};
