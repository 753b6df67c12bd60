import * as React from 'react';
import { useIntl } from 'react-intl';

import { useGetIntegrationsQuery } from '../../services/integrations';
import { triggerCrud, useGetTriggerContentTypesQuery } from '../../services/triggers';
import type { IntegrationOption } from '../../components/coupon/types';
import { Note } from '../../components/shared/Note';
import { SettingsCrudPage } from '../../components/settings/SettingsCrudPage';
import { withSettingsPermission } from '../../components/settings/SettingsLayout';
import { TriggerForm } from '../../components/settings/TriggerForm';
import { triggerMessages } from '../../components/settings/triggerMessages';
import { TriggersTable } from '../../components/settings/TriggersTable';
import { useSettingsCrud } from '../../components/settings/useSettingsCrud';

/** Settings → ClearOn → Coupon triggers: a coupon for each entry of the app's own types. */
export const TriggersPage = () => {
  const crud = useSettingsCrud({
    texts: triggerMessages,
    endpoints: triggerCrud,
    idOf: (trigger) => trigger.key,
  });
  const { formatMessage } = useIntl();
  const types = useGetTriggerContentTypesQuery();
  const contentTypes = types.data ?? [];
  const { data: integrationList } = useGetIntegrationsQuery();
  const integrations = React.useMemo<IntegrationOption[]>(
    () =>
      (integrationList ?? []).map(({ id, name, isDefault, enabled }) => ({
        id,
        name,
        isDefault,
        enabled,
      })),
    [integrationList]
  );
  const noTypes = types.isSuccess && contentTypes.length === 0;

  return (
    <SettingsCrudPage
      crud={crud}
      renderForm={(form) => (
        <TriggerForm {...form} contentTypes={contentTypes} integrations={integrations} />
      )}
      isEmpty={crud.items.length === 0}
      createDisabled={!types.isSuccess || noTypes}
      notices={
        <>
          {noTypes ? <Note>{formatMessage(triggerMessages.noContentTypes)}</Note> : null}
          {types.isError ? (
            <Note danger>{formatMessage(triggerMessages.contentTypesLoadError)}</Note>
          ) : null}
        </>
      }
    >
      <TriggersTable
        triggers={crud.items}
        contentTypes={contentTypes}
        actionsFor={crud.actionsFor}
      />
    </SettingsCrudPage>
  );
};

export default withSettingsPermission(TriggersPage);
