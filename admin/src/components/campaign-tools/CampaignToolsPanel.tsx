import * as React from 'react';
import { Button, Flex, LinkButton } from '@strapi/design-system';
import { Eye, PaperPlane } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useHref } from 'react-router-dom';

import { ACTIONS, permission } from '../../../../shared/contracts/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { messages } from './messages';
import { PanelNote } from './PanelNote';
import { TestCouponModal } from './TestCouponModal';
import type { CampaignVersion } from './types';
import { useCampaignPreview, useSendTestCoupon } from './useCampaignTools';

export const CAMPAIGN_UID = `plugin::${PLUGIN_ID}.campaign`;

/**
 * What the Content Manager gives an edit-view side panel (Strapi 5's `PanelComponentProps`, reduced
 * to what this panel reads; `@strapi/content-manager` is not a dependency of the plugin).
 */
export interface EditViewPanelProps {
  model: string;
  documentId?: string;
  activeTab: 'draft' | 'published' | null;
  collectionType: string;
}

const TEST_PERMISSIONS = [permission(ACTIONS.couponsTest)];

/** The preview page's path inside the admin (the router adds the admin's base URL). */
export const previewPath = (documentId: string, version: CampaignVersion) =>
  `/plugins/${PLUGIN_ID}/preview/${encodeURIComponent(documentId)}?status=${version}`;

/**
 * The "ClearOn" side panel of a campaign's edit view, for `content-manager.apis.addEditViewSidePanel`:
 * a description component (it returns the panel, or null for every other content type).
 */
export const CampaignToolsPanel = ({ model, documentId, activeTab }: EditViewPanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== CAMPAIGN_UID) return null;
  return {
    title: formatMessage(messages.panelTitle),
    content: (
      <CampaignToolsPanelContent
        documentId={documentId}
        version={activeTab === 'published' ? 'published' : 'draft'}
      />
    ),
  };
};
CampaignToolsPanel.displayName = 'ClearOnCampaignToolsPanel';

export const CampaignToolsPanelContent = ({
  documentId,
  version,
}: {
  documentId?: string;
  version: CampaignVersion;
}) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = React.useState(false);
  const href = useHref(documentId ? previewPath(documentId, version) : '/');
  const {
    allowedActions: { canTest },
  } = useRBAC(TEST_PERMISSIONS);
  const preview = useCampaignPreview(documentId, version, open);
  const send = useSendTestCoupon(documentId, version);

  if (!documentId) {
    return <PanelNote>{formatMessage(messages.saveFirst)}</PanelNote>;
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <LinkButton
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        variant="secondary"
        startIcon={<Eye />}
        fullWidth
        title={formatMessage(messages.previewLabel)}
      >
        {formatMessage(messages.preview)}
      </LinkButton>
      {canTest ? (
        <Button
          variant="secondary"
          startIcon={<PaperPlane />}
          fullWidth
          onClick={() => setOpen(true)}
        >
          {formatMessage(messages.sendTest)}
        </Button>
      ) : null}
      <PanelNote>{formatMessage(messages.savedVersion, { status: version })}</PanelNote>
      {canTest ? (
        <TestCouponModal
          open={open}
          onClose={() => setOpen(false)}
          screens={preview.preview?.exitScreens ?? []}
          screensStatus={
            preview.status === 'ready' ? 'ready' : preview.status === 'error' ? 'error' : 'loading'
          }
          onSend={send}
        />
      ) : null}
    </Flex>
  );
};
