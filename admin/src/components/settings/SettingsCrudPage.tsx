import * as React from 'react';
import { useIntl } from 'react-intl';

import { DeleteDialog } from './DeleteDialog';
import { SettingsFormModal } from './SettingsForm';
import { CreateButton, EmptyState, SettingsLayout } from './SettingsLayout';
import type { CrudFormProps, Named, SettingsCrud } from './useSettingsCrud';

export interface SettingsCrudPageProps<T extends Named, CreateBody, UpdateBody> {
  crud: SettingsCrud<T, CreateBody, UpdateBody>;
  /** The create / edit form, in the page's modal. */
  renderForm: (props: CrudFormProps<T, CreateBody | UpdateBody>) => React.ReactNode;
  /** Whether the list counts as empty (the empty state, with its Create button, is shown). */
  isEmpty: boolean;
  /** The list stays shown under an empty state (e.g. the built-in variables). */
  keepList?: boolean;
  /** Create stays disabled (e.g. until what the form needs is loaded). */
  createDisabled?: boolean;
  /** Notes above the list. */
  notices?: React.ReactNode;
  /** More modals. */
  overlays?: React.ReactNode;
  /** The list. */
  children: React.ReactNode;
}

/** A settings list page with create, edit and delete (Integrations, Mapping variables, Triggers). */
export const SettingsCrudPage = <T extends Named, CreateBody, UpdateBody>({
  crud,
  renderForm,
  isEmpty,
  keepList = false,
  createDisabled,
  notices,
  overlays,
  children,
}: SettingsCrudPageProps<T, CreateBody, UpdateBody>) => {
  const { formatMessage } = useIntl();
  const { texts, canUpdate, form } = crud;
  const createButton = (variant?: 'secondary') =>
    canUpdate ? (
      <CreateButton
        label={formatMessage(texts.create)}
        onClick={crud.openCreate}
        variant={variant}
        disabled={createDisabled}
      />
    ) : undefined;
  const empty = isEmpty ? (
    <EmptyState content={formatMessage(texts.empty)} action={createButton('secondary')} />
  ) : null;

  return (
    <SettingsLayout
      texts={texts}
      primaryAction={createButton()}
      loading={crud.loading}
      readOnly={!canUpdate}
      loadError={crud.loadError}
      onRetry={crud.retry}
      overlays={
        <>
          <SettingsFormModal open={form.open} title={form.title} onClose={form.onClose}>
            {renderForm(form)}
          </SettingsFormModal>
          <DeleteDialog {...crud.deleting} />
          {overlays}
        </>
      }
    >
      {notices}
      {empty && !keepList ? empty : children}
      {keepList ? empty : null}
    </SettingsLayout>
  );
};
