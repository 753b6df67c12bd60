import * as React from 'react';
import { Table, Tbody, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';

export interface DataTableProps {
  /** One header a column. */
  headers: MessageDescriptor[];
  /** The number of body rows. */
  rowCount: number;
  /** Adds a last column for the rows' actions, named for screen readers only. */
  actionsLabel?: string;
  /** The table's accessible name. */
  label?: string;
  /** The body's rows (`Tr`). */
  children: React.ReactNode;
}

/** A design-system table with a row of sigma headers. */
export const DataTable = ({ headers, rowCount, actionsLabel, label, children }: DataTableProps) => {
  const { formatMessage } = useIntl();
  return (
    <Table
      colCount={headers.length + (actionsLabel ? 1 : 0)}
      rowCount={rowCount + 1}
      aria-label={label}
    >
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header.id}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage(header)}
              </Typography>
            </Th>
          ))}
          {actionsLabel ? (
            <Th>
              <VisuallyHidden>{actionsLabel}</VisuallyHidden>
            </Th>
          ) : null}
        </Tr>
      </Thead>
      <Tbody>{children}</Tbody>
    </Table>
  );
};
