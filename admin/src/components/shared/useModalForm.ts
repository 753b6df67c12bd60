import * as React from 'react';

import { fieldErrorsByPath, problemOf } from './apiProblem';

type Errors = Record<string, string>;

export interface ModalFormOptions<Draft> {
  /** The draft the form starts from (read once, when the form mounts). */
  initial: () => Draft;
  /** The client's checks: a message per field path; none, and the draft is sent. */
  check: (draft: Draft) => Errors;
  /** The paths the form shows an error next to; the server's others go to the alert on top. */
  placed: readonly string[];
  /** Sends the draft (and closes the form, or shows the answer); rejects with the request's error. */
  send: (draft: Draft) => Promise<void>;
  /** The alert's text when the server says nothing. */
  fallbackMessage: string;
  /** Whether a change of `changed` clears the error of `path` (by default only its own). */
  clears?: (changed: string, path: string) => boolean;
}

const without = (errors: Errors, drop: (path: string) => boolean) =>
  Object.fromEntries(Object.entries(errors).filter(([path]) => !drop(path)));

/**
 * A modal form's draft and submission: the client's checks first, then the request; a 400's field
 * errors are shown on the fields they name (`errorOf`), anything else in one alert (`generalError`).
 */
export const useModalForm = <Draft extends object>({
  initial,
  check,
  placed,
  send,
  fallbackMessage,
  clears = (changed, path) => changed === path,
}: ModalFormOptions<Draft>) => {
  const [draft, setDraft] = React.useState<Draft>(initial);
  const [clientErrors, setClientErrors] = React.useState<Errors>({});
  const [serverErrors, setServerErrors] = React.useState<Errors>({});
  const [generalError, setGeneralError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  /** Changes the draft; `path` is the field whose errors the change clears. */
  const change = (patch: Partial<Draft>, path: string) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setClientErrors((previous) => without(previous, (key) => clears(path, key)));
    setServerErrors((previous) => without(previous, (key) => clears(path, key)));
  };

  const errorOf = (path: string): string | undefined => clientErrors[path] ?? serverErrors[path];

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    // The modal is portalled, yet its events bubble through React's tree to any outer form.
    event.stopPropagation();
    if (busy) return;
    const problems = check(draft);
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setGeneralError(null);
    setServerErrors({});
    try {
      await send(draft);
    } catch (error) {
      const byPath = fieldErrorsByPath(error);
      const unplaced = Object.entries(byPath).filter(([path]) => !placed.includes(path));
      setServerErrors(byPath);
      if (Object.keys(byPath).length === 0 || unplaced.length > 0) {
        setGeneralError(
          unplaced.length > 0
            ? unplaced.map(([, message]) => message).join(' ')
            : (problemOf(error).message ?? fallbackMessage)
        );
      }
    } finally {
      setBusy(false);
    }
  };

  /** A text field's bindings: its name, value, error and change. */
  const field = <K extends keyof Draft & string>(key: K) => ({
    name: key,
    value: draft[key],
    error: errorOf(key),
    onChange: (value: Draft[K]) => {
      const patch: Partial<Draft> = {};
      patch[key] = value;
      change(patch, key);
    },
  });

  return {
    draft,
    change,
    field,
    errorOf,
    busy,
    generalError,
    dismissGeneralError: () => setGeneralError(null),
    onSubmit,
  };
};

export type ModalForm = Pick<
  ReturnType<typeof useModalForm>,
  'onSubmit' | 'generalError' | 'dismissGeneralError' | 'busy'
>;
