import * as React from 'react';
import { Alert, Box, Flex, Grid, Link, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';

import { Region } from '../../components/coupons-dashboard/Region';
import { CAMPAIGN_UID } from '../../components/campaign-tools/CampaignToolsPanel';
import { messages } from '../../components/campaign-tools/messages';
import type { CampaignPreview, CampaignVersion } from '../../components/campaign-tools/types';
import { useCampaignPreview } from '../../components/campaign-tools/useCampaignTools';
import { ExitScreenPreview } from './ExitScreenPreview';
import { ParticipantForm } from './ParticipantForm';

const REASONS = { mode: messages.reasonMode, contact: messages.reasonContact } as const;

const editViewPath = (documentId: string, version: CampaignVersion) =>
  `/content-manager/collection-types/${CAMPAIGN_UID}/${encodeURIComponent(documentId)}?status=${version}`;

/** `/admin/plugins/clearon/preview/:documentId?status=draft|published` */
export const PreviewPage = () => {
  const { formatMessage } = useIntl();
  const { documentId } = useParams<{ documentId: string }>();
  const [search] = useSearchParams();
  const version: CampaignVersion = search.get('status') === 'published' ? 'published' : 'draft';
  const state = useCampaignPreview(documentId, version);

  if (state.status === 'error') {
    if (state.httpStatus === 403) return <Page.NoPermissions />;
    return (
      <Page.Error
        content={formatMessage(state.httpStatus === 404 ? messages.notFound : messages.loadError)}
      />
    );
  }
  if (!state.preview) return <Page.Loading />;
  return <PreviewContent preview={state.preview} version={version} />;
};

const PreviewContent = ({
  preview,
  version,
}: {
  preview: CampaignPreview;
  version: CampaignVersion;
}) => {
  const { formatMessage } = useIntl();
  const title = formatMessage(messages.pageTitle, { title: preview.campaign.title });
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(messages.pageSubtitle, { status: version })}
        navigationAction={
          <Link
            tag={NavLink}
            to={editViewPath(preview.documentId, version)}
            startIcon={<ArrowLeft />}
          >
            {formatMessage(messages.back)}
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {preview.eligibility.eligible ? null : (
            <Alert
              variant="warning"
              title={formatMessage(messages.notEligible)}
              closeLabel={formatMessage(messages.close)}
            >
              {preview.eligibility.reasons
                .map((reason) => formatMessage(REASONS[reason]))
                .join(' · ')}
            </Alert>
          )}
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(messages.samples, { example: '<deliveryType>' })}
          </Typography>
          <Grid.Root gap={6}>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <Box
                tag="section"
                aria-label={formatMessage(messages.formHeading)}
                background="neutral0"
                hasRadius
                shadow="tableShadow"
                padding={6}
                width="100%"
              >
                <ParticipantForm campaign={preview.campaign} />
              </Box>
            </Grid.Item>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              <Region label={formatMessage(messages.exitScreensHeading)} gap={4}>
                <Typography variant="delta" tag="h2">
                  {formatMessage(messages.exitScreensHeading)}
                </Typography>
                {preview.exitScreens.length === 0 ? (
                  <Typography textColor="neutral600">
                    {formatMessage(messages.noExitScreens)}
                  </Typography>
                ) : null}
                {preview.exitScreens.map((screen) => (
                  <ExitScreenPreview
                    key={screen.index}
                    screen={screen}
                    sample={preview.sampleCoupon}
                  />
                ))}
              </Region>
            </Grid.Item>
          </Grid.Root>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
