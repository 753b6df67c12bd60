import * as React from 'react';

export type ListStatus = 'loading' | 'ready' | 'error';

/**
 * Loads a list with `load` (keep it stable, e.g. built on useFetchClient's stable client) and
 * reloads it on demand. A reload keeps showing the previous items until the new ones arrive.
 */
export const useRemoteList = <T>(load: () => Promise<T[]>) => {
  const [state, setState] = React.useState<{ status: ListStatus; items: T[] }>({
    status: 'loading',
    items: [],
  });
  const latest = React.useRef(0);

  const reload = React.useCallback(async () => {
    const call = ++latest.current;
    try {
      const items = await load();
      if (call === latest.current) setState({ status: 'ready', items });
    } catch {
      if (call === latest.current) setState((previous) => ({ ...previous, status: 'error' }));
    }
  }, [load]);

  React.useEffect(() => {
    void reload();
    return () => {
      // Ignore answers that arrive after unmounting.
      latest.current += 1;
    };
  }, [reload]);

  return { ...state, reload };
};
