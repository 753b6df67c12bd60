import { useIntl } from 'react-intl';

import { mappingVariableCrud } from '../../services/mappingVariables';
import { MappingVariableForm } from '../../components/settings/MappingVariableForm';
import { MappingVariablesTable } from '../../components/settings/MappingVariablesTable';
import { messages, variableTexts } from '../../components/settings/messages';
import { SettingsCrudPage } from '../../components/settings/SettingsCrudPage';
import { withSettingsPermission } from '../../components/settings/SettingsLayout';
import { useSettingsCrud } from '../../components/settings/useSettingsCrud';

/** Settings → ClearOn → Mapping variables: the built-in CRM variables and the editors' own. */
export const MappingVariablesPage = () => {
  const { formatMessage } = useIntl();
  const crud = useSettingsCrud({
    texts: variableTexts,
    endpoints: mappingVariableCrud,
    nameOf: (variable) => variable.label,
    // A 409 names the campaigns whose forms still use the variable: shown as the server says.
    refusalTitle: (problem) =>
      problem.status === 409 ? formatMessage(messages.variableInUseTitle) : undefined,
  });

  return (
    <SettingsCrudPage
      crud={crud}
      renderForm={(form) => <MappingVariableForm {...form} existing={crud.items} />}
      // The built-in variables are always listed; the empty state speaks of the editors' own.
      isEmpty={crud.items.every((variable) => variable.builtIn)}
      keepList
    >
      <MappingVariablesTable variables={crud.items} actionsFor={crud.actionsFor} />
    </SettingsCrudPage>
  );
};

export default withSettingsPermission(MappingVariablesPage);
