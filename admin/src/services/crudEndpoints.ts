import type { clearonApi } from './api';

/** The builder `clearonApi.injectEndpoints` hands its `endpoints`. */
export type ClearonBuilder = Parameters<
  Parameters<typeof clearonApi.injectEndpoints>[0]['endpoints']
>[0];
/** One of the plugin's tag types (ClearonIntegration, ClearonTrigger, …). */
export type ClearonTag = Extract<
  Parameters<typeof clearonApi.util.invalidateTags>[0][number],
  string
>;

type Request = { url: string; method: 'POST' | 'PUT' | 'DELETE'; data?: unknown };

/** The list of a `{ data: [...] }` answer (an empty one when the body has none). */
export const listOf = <T>(body: { data?: T[] } | undefined): T[] =>
  Array.isArray(body?.data) ? body.data : [];

/** `base/id`, the id encoded. */
export const itemUrl = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/** A GET of a list under `url`, refreshed whenever a mutation invalidates `tag`. */
export const listQuery = <T>(builder: ClearonBuilder, url: string, tag: ClearonTag) =>
  builder.query<T[], void>({ query: () => url, transformResponse: listOf<T>, providesTags: [tag] });

/** A write whose `{ data }` answer is unwrapped; it invalidates `tag` (the lists refresh). */
export const writeMutation = <Result, Arg>(
  builder: ClearonBuilder,
  tag: ClearonTag,
  request: (arg: Arg) => Request
) =>
  builder.mutation<Result, Arg>({
    query: request,
    transformResponse: (body: { data?: Result } | undefined) => body?.data as Result,
    invalidatesTags: [tag],
  });

/**
 * List, create, update (`{ id, body }`) and delete (by id) of a resource under `base`, every write
 * invalidating `tag`. A resource file names them: `getThings: crud.list, createThing: crud.create…`.
 */
export const crudEndpoints = <T, CreateBody, UpdateBody>(
  builder: ClearonBuilder,
  base: string,
  tag: ClearonTag
) => ({
  list: listQuery<T>(builder, base, tag),
  create: writeMutation<T, CreateBody>(builder, tag, (data) => ({
    url: base,
    method: 'POST',
    data,
  })),
  update: writeMutation<T, { id: string; body: UpdateBody }>(builder, tag, ({ id, body }) => ({
    url: itemUrl(base, id),
    method: 'PUT',
    data: body,
  })),
  remove: writeMutation<void, string>(builder, tag, (id) => ({
    url: itemUrl(base, id),
    method: 'DELETE',
  })),
});
