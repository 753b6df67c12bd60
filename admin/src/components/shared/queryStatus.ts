export type LoadStatus = 'loading' | 'ready' | 'error';

/** One empty list for every render (a stable dependency for effects and memos). */
const NONE: never[] = [];

/** A list query's items and status as the pickers show them (no items after an error). */
export const listState = <T>({
  data,
  isLoading,
  isError,
}: {
  data?: T[];
  isLoading: boolean;
  isError: boolean;
}): { items: T[]; status: LoadStatus } => {
  if (isError) return { items: NONE, status: 'error' };
  return { items: data ?? NONE, status: isLoading ? 'loading' : 'ready' };
};
