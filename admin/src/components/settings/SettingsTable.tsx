import * as React from 'react';
import { Table, Tbody, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { messages } from './messages';

/** A settings list: one header per column, then a last column for the row's actions. */
export const SettingsTable = ({
  columns,
  rowCount,
  children,
}: {
  columns: MessageDescriptor[];
  rowCount: number;
  children: React.ReactNode;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Table colCount={columns.length + 1} rowCount={rowCount + 1}>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.id}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage(column)}
              </Typography>
            </Th>
          ))}
          <Th>
            <VisuallyHidden>{formatMessage(messages.actions)}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>{children}</Tbody>
    </Table>
  );
};
