import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl, type MessageDescriptor } from 'react-intl';

import type { ApiProblem } from '../../api/errors';
import { problemOf } from '../shared/apiProblem';
import { deleteRefusal } from './DeleteDialog';
import { messages as settingsMessages } from './messages';
import { RowActions } from './SettingsLayout';
import { useSettingsRBAC } from './useSettingsRBAC';

/** The texts of a settings list page, under the same keys for each (e.g. `integrationTexts`). */
export type CrudTexts = Record<
  | 'link'
  | 'title'
  | 'subtitle'
  | 'create'
  | 'empty'
  | 'createTitle'
  | 'editTitle'
  | 'editLabel'
  | 'deleteLabel'
  | 'deleteTitle'
  | 'deleteBody'
  | 'created'
  | 'saved'
  | 'deleted',
  MessageDescriptor
>;

/** What a settings form gets: the item it edits (null: a new one), the save, the close. */
export interface CrudFormProps<T, Body> {
  item: T | null;
  /** Saves; rejects with the server's error (a 400's field errors go on the fields). */
  onSubmit: (body: Body) => Promise<void>;
  onClose: () => void;
}

/** An RTK Query mutation hook: its trigger's result rejects with the server's error on unwrap. */
type MutationHook<Arg, Result> = () => readonly [
  (arg: Arg) => { unwrap: () => Promise<Result> },
  ...unknown[],
];

/** A resource's list query and its writes, as its services file bundles them (`integrationCrud`…). */
export interface CrudEndpoints<T, CreateBody, UpdateBody> {
  /** The list's query hook (`useGetThingsQuery`); the mutations' invalidation refreshes it. */
  useList: () => { data?: T[]; isLoading: boolean; isError: boolean; refetch: () => unknown };
  useCreate: MutationHook<CreateBody, T>;
  useUpdate: MutationHook<{ id: string; body: UpdateBody }, T>;
  useRemove: MutationHook<string, unknown>;
}

/** What most settings items have: an `id` their routes take and a `name`. */
export interface Named {
  id?: string;
  name?: string;
}
const byId = (item: Named) => item.id ?? '';
const byName = (item: Named) => item.name ?? '';

export interface SettingsCrudOptions<T, CreateBody, UpdateBody> {
  texts: CrudTexts;
  endpoints: CrudEndpoints<T, CreateBody, UpdateBody>;
  /** The id the item's routes take; by default its `id`. */
  idOf?: (item: T) => string;
  /** The name the notifications, the titles and the action buttons give an item; by default its `name`. */
  nameOf?: (item: T) => string;
  /** The title of a refused delete, e.g. for a 409 (by default "This could not be deleted"). */
  refusalTitle?: (problem: ApiProblem) => string | undefined;
}

/**
 * A settings list and its create / edit / delete: the permission, which item the form or the
 * delete dialog is open for, the save and the delete with their notifications. The list refreshes
 * by itself (the mutations invalidate its tag).
 */
export const useSettingsCrud = <T extends Named, CreateBody, UpdateBody>(
  options: SettingsCrudOptions<T, CreateBody, UpdateBody>
) => {
  const { texts, endpoints, idOf = byId, nameOf = byName } = options;
  const list = endpoints.useList();
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { isLoading: rbacLoading, canUpdate } = useSettingsRBAC();
  const [create] = endpoints.useCreate();
  const [update] = endpoints.useUpdate();
  const [removeItem] = endpoints.useRemove();
  const [form, setForm] = React.useState<{ open: boolean; item: T | null }>({
    open: false,
    item: null,
  });
  const [deleting, setDeleting] = React.useState<T | null>(null);
  const text = (message: MessageDescriptor, item: T | null) =>
    formatMessage(message, { name: item ? nameOf(item) : '' });
  const notify = (message: MessageDescriptor, item: T) =>
    toggleNotification({ type: 'success', message: text(message, item) });

  const save = async (body: CreateBody | UpdateBody) => {
    const editing = form.item;
    const saved = editing
      ? await update({ id: idOf(editing), body: body as UpdateBody }).unwrap()
      : await create(body as CreateBody).unwrap();
    notify(editing ? texts.saved : texts.created, saved);
  };

  /** Deletes the item the dialog is open for; rejects with what the dialog shows. */
  const remove = async () => {
    if (!deleting) return;
    try {
      await removeItem(idOf(deleting)).unwrap();
    } catch (error) {
      const problem = problemOf(error);
      throw deleteRefusal(
        problem.message ?? formatMessage(settingsMessages.genericError),
        options.refusalTitle?.(problem)
      );
    }
    notify(texts.deleted, deleting);
  };

  const formProps: CrudFormProps<T, CreateBody | UpdateBody> = {
    item: form.item,
    onSubmit: save,
    onClose: () => setForm((previous) => ({ ...previous, open: false })),
  };

  return {
    texts,
    canUpdate,
    items: list.data ?? [],
    loading: rbacLoading || list.isLoading,
    loadError: list.isError,
    retry: () => void list.refetch(),
    openCreate: () => setForm({ open: true, item: null }),
    form: {
      ...formProps,
      open: form.open,
      title: form.item ? text(texts.editTitle, form.item) : formatMessage(texts.createTitle),
    },
    deleting: {
      open: deleting !== null,
      title: formatMessage(texts.deleteTitle),
      body: text(texts.deleteBody, deleting),
      onConfirm: remove,
      onClose: () => setDeleting(null),
    },
    /** Edit and Delete for a row (none without settings.update); `extra` buttons come first. */
    actionsFor: (item: T, extra?: React.ReactNode) =>
      canUpdate ? (
        <RowActions
          editLabel={text(texts.editLabel, item)}
          deleteLabel={text(texts.deleteLabel, item)}
          onEdit={() => setForm({ open: true, item })}
          onDelete={() => setDeleting(item)}
        >
          {extra}
        </RowActions>
      ) : null,
  };
};

export type SettingsCrud<T extends Named, CreateBody, UpdateBody> = ReturnType<
  typeof useSettingsCrud<T, CreateBody, UpdateBody>
>;
