import * as React from 'react';
import { Td, Tr } from '@strapi/design-system';
import type { MessageDescriptor } from 'react-intl';

import { DataTable } from './DataTable';

/** One column: its header, and the cell it shows for a row. */
export interface Column<T> {
  header: MessageDescriptor;
  cell: (row: T) => React.ReactNode;
  /** Caps the cell's width (a long text is cut by the cell). */
  maxWidth?: string;
}

export interface ColumnTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** A last column for the rows' buttons, its header named for screen readers only. */
  actions?: { label: string; cell: (row: T) => React.ReactNode };
  /** The table's accessible name. */
  label?: string;
}

/** A {@link DataTable} described by its columns: a row per item, a cell per column. */
export const ColumnTable = <T,>({ columns, rows, rowKey, actions, label }: ColumnTableProps<T>) => (
  <DataTable
    headers={columns.map((column) => column.header)}
    rowCount={rows.length}
    actionsLabel={actions?.label}
    label={label}
  >
    {rows.map((row) => (
      <Tr key={rowKey(row)}>
        {columns.map((column) => (
          <Td
            key={column.header.id}
            style={column.maxWidth ? { maxWidth: column.maxWidth } : undefined}
          >
            {column.cell(row)}
          </Td>
        ))}
        {actions ? <Td>{actions.cell(row)}</Td> : null}
      </Tr>
    ))}
  </DataTable>
);
