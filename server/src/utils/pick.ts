/** The `keys` of `source`, copied as they are (the fields a view takes unchanged from a row). */
export const pick = <T extends object, K extends keyof T>(source: T, ...keys: K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
