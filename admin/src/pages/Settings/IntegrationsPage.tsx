import * as React from 'react';

import {
  integrationCrud,
  useTestIntegrationMutation,
  type Integration,
} from '../../services/integrations';
import { IntegrationForm } from '../../components/settings/IntegrationForm';
import { IntegrationsTable } from '../../components/settings/IntegrationsTable';
import { integrationTexts } from '../../components/settings/messages';
import { SettingsCrudPage } from '../../components/settings/SettingsCrudPage';
import { withSettingsPermission } from '../../components/settings/SettingsLayout';
import { TestConnectionModal } from '../../components/settings/TestConnectionModal';
import { useSettingsCrud } from '../../components/settings/useSettingsCrud';

/** Settings → ClearOn → Integrations: the ClearOn accounts, their keys, health and the default. */
export const IntegrationsPage = () => {
  const crud = useSettingsCrud({
    texts: integrationTexts,
    endpoints: integrationCrud,
  });
  const [runTest] = useTestIntegrationMutation();
  const [testing, setTesting] = React.useState<Integration | null>(null);

  return (
    <SettingsCrudPage
      crud={crud}
      renderForm={(form) => <IntegrationForm {...form} />}
      isEmpty={crud.items.length === 0}
      overlays={
        <TestConnectionModal
          integration={testing}
          // The test records the integration's last check: the list refreshes (invalidation).
          onTest={(integration, couponCode) => runTest({ id: integration.id, couponCode }).unwrap()}
          onClose={() => setTesting(null)}
        />
      }
    >
      <IntegrationsTable
        integrations={crud.items}
        canUpdate={crud.canUpdate}
        onTest={setTesting}
        actionsFor={crud.actionsFor}
      />
    </SettingsCrudPage>
  );
};

export default withSettingsPermission(IntegrationsPage);
