import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { ColumnTable, type Column, type ColumnTableProps } from '../shared/ColumnTable';
import { messages } from './messages';

export type { Column } from '../shared/ColumnTable';

/** A settings list: a column each, then a last column for the row's actions (if any). */
export const SettingsTable = <T,>({
  actions = () => null,
  ...props
}: Omit<ColumnTableProps<T>, 'actions' | 'label'> & { actions?: (row: T) => React.ReactNode }) => {
  const { formatMessage } = useIntl();
  return (
    <ColumnTable {...props} actions={{ label: formatMessage(messages.actions), cell: actions }} />
  );
};

/** An item's name, in bold, with an optional badge (e.g. "Default", "Built-in", "Config"). */
export const NameCell = ({
  name,
  badge,
  badgeHint,
  primary = false,
}: {
  name: string;
  badge?: string | null;
  /** The badge's tooltip. */
  badgeHint?: string;
  primary?: boolean;
}) => (
  <Flex gap={2} wrap="wrap">
    <Typography fontWeight="semiBold" textColor="neutral800">
      {name}
    </Typography>
    {badge ? (
      <Badge variant={primary ? 'primary' : 'neutral'} title={badgeHint}>
        {badge}
      </Badge>
    ) : null}
  </Flex>
);

/** A plain text cell; `code` for identifiers (monospace). */
export const TextCell = ({
  children,
  code = false,
  title,
}: {
  children: React.ReactNode;
  code?: boolean;
  title?: string;
}) => (
  <Typography
    textColor="neutral800"
    title={title}
    style={code ? { fontFamily: 'monospace' } : undefined}
  >
    {children}
  </Typography>
);

/** A column of plain texts (`code`: identifiers, in monospace). */
export const textColumn = <T,>(
  header: MessageDescriptor,
  text: (row: T) => React.ReactNode,
  code = false
): Column<T> => ({ header, cell: (row) => <TextCell code={code}>{text(row)}</TextCell> });

/** A column of badges, green when on. */
export const onOffColumn = <T,>(
  header: MessageDescriptor,
  isOn: (row: T) => boolean,
  label: (on: boolean) => string
): Column<T> => ({
  header,
  cell: (row) => <Badge variant={isOn(row) ? 'success' : 'neutral'}>{label(isOn(row))}</Badge>,
});
