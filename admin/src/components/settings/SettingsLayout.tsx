import * as React from 'react';
import { Button, EmptyStateLayout, Flex, IconButton } from '@strapi/design-system';
import { Pencil, Plus, Trash } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { Note } from '../shared/Note';
import { messages } from './messages';
import { PERMISSIONS } from './permissions';

export interface SettingsLayoutProps {
  /** The header's texts; `link` (the settings link's name) is for the document title. */
  texts: Record<'link' | 'title' | 'subtitle', MessageDescriptor>;
  primaryAction?: React.ReactNode;
  /** The whole page waits (the permissions or the list's first answer). */
  loading: boolean;
  /** Says "read-only" on top (without settings.update). */
  readOnly?: boolean;
  /** The list could not be loaded: an empty state with "Try again" instead of `children`. */
  loadError?: boolean;
  onRetry?: () => void;
  /** The list, its empty state, notes. */
  children: React.ReactNode;
  /** Modals and dialogs. */
  overlays?: React.ReactNode;
}

/** A page of Settings → ClearOn: header, read-only note, the list (or its load error), modals. */
export const SettingsLayout = ({
  texts,
  primaryAction,
  loading,
  readOnly = false,
  loadError = false,
  onRetry,
  children,
  overlays,
}: SettingsLayoutProps) => {
  const { formatMessage } = useIntl();
  if (loading) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{`${formatMessage(messages.section)} – ${formatMessage(texts.link)}`}</Page.Title>
      <Layouts.Header
        title={formatMessage(texts.title)}
        subtitle={formatMessage(texts.subtitle)}
        primaryAction={primaryAction}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {readOnly ? <Note>{formatMessage(messages.readOnly)}</Note> : null}
          {loadError ? (
            <EmptyState
              content={formatMessage(messages.loadError)}
              size="16rem"
              action={
                <Button variant="secondary" onClick={onRetry}>
                  {formatMessage(messages.retry)}
                </Button>
              }
            />
          ) : (
            children
          )}
        </Flex>
      </Layouts.Content>
      {overlays}
    </Page.Main>
  );
};

/** An empty list's illustration, text and action. */
export const EmptyState = ({
  content,
  action,
  size = '10rem',
}: {
  content: string;
  action?: React.ReactNode;
  size?: string;
}) => <EmptyStateLayout icon={<EmptyDocuments width={size} />} content={content} action={action} />;

/** "Create …": the header's primary action, or the secondary one of an empty list. */
export const CreateButton = ({
  label,
  onClick,
  variant,
  disabled,
}: {
  label: string;
  onClick: () => void;
  variant?: 'secondary';
  disabled?: boolean;
}) => (
  <Button variant={variant} startIcon={<Plus />} onClick={onClick} disabled={disabled}>
    {label}
  </Button>
);

/** A row's icon buttons: `children` (other actions) first, then Edit and Delete. */
export const RowActions = ({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
  children,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
  children?: React.ReactNode;
}) => (
  <Flex gap={1} justifyContent="flex-end">
    {children}
    <IconButton label={editLabel} variant="ghost" onClick={onEdit}>
      <Pencil />
    </IconButton>
    <IconButton label={deleteLabel} variant="ghost" onClick={onDelete}>
      <Trash />
    </IconButton>
  </Flex>
);

/** The page behind settings.read (the settings link is hidden without it too). */
export const withSettingsPermission = (Component: React.ComponentType) => {
  const ProtectedSettingsPage = () => (
    <Page.Protect permissions={PERMISSIONS.read}>
      <Component />
    </Page.Protect>
  );
  return ProtectedSettingsPage;
};
