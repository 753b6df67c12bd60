import type * as React from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';

import type { MappingVariable } from '../../services/mappingVariables';
import { messages } from './messages';
import { NameCell, SettingsTable, textColumn, type Column } from './SettingsTable';

/** The built-in CRM variables' labels, translated (the server's labels are English). */
const BUILT_IN_LABELS: Record<string, MessageDescriptor> = {
  firstname: messages.builtInFirstname,
  lastname: messages.builtInLastname,
  email: messages.builtInEmail,
  phone: messages.builtInPhone,
};

export interface MappingVariablesTableProps {
  variables: MappingVariable[];
  /** A row's Edit and Delete (`SettingsCrud.actionsFor`). */
  actionsFor: (variable: MappingVariable) => React.ReactNode;
}

/** The mapping variables: label (and "Built-in"), technical name, type, availability in forms. */
export const MappingVariablesTable = ({ variables, actionsFor }: MappingVariablesTableProps) => {
  const { formatMessage } = useIntl();
  const builtInLabel = (variable: MappingVariable) => BUILT_IN_LABELS[variable.technicalName];
  const columns: Column<MappingVariable>[] = [
    {
      header: messages.columnLabel,
      cell: (variable) => (
        <NameCell
          name={
            variable.builtIn && builtInLabel(variable)
              ? formatMessage(builtInLabel(variable))
              : variable.label
          }
          badge={variable.builtIn ? formatMessage(messages.builtIn) : null}
          badgeHint={formatMessage(messages.builtInHint)}
        />
      ),
    },
    textColumn(messages.columnTechnicalName, (variable) => variable.technicalName, true),
    textColumn(messages.columnType, ({ type }) =>
      formatMessage(type === 'opt-in' ? messages.typeOptIn : messages.typeAnswer)
    ),
    textColumn(messages.columnAvailable, ({ availableInForms }) =>
      formatMessage(availableInForms ? messages.yes : messages.no)
    ),
  ];

  return (
    <SettingsTable
      columns={columns}
      rows={variables}
      rowKey={(variable) => `${variable.builtIn ? 'builtin' : 'custom'}-${variable.id}`}
      // The built-in CRM variables are read-only.
      actions={(variable) => (variable.builtIn ? null : actionsFor(variable))}
    />
  );
};
