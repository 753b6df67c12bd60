/**
 * A small cache whose entries expire `ttlMs` after they were loaded, holding at most `maxEntries`
 * (the oldest goes first). A failed load is not kept: the next read tries again.
 */
export const createExpiringCache = <V>({
  ttlMs,
  maxEntries,
}: {
  ttlMs: number;
  maxEntries: number;
}) => {
  const entries = new Map<string, { at: number; value: V }>();

  return {
    async get(key: string, load: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = await load();
      entries.delete(key);
      entries.set(key, { at: Date.now(), value });
      // A Map iterates in insertion order: the first key is the one loaded longest ago.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
};
