import type { Context } from 'koa';
import { errors } from '../utils/errors';
import { InUseError } from '../services/in-use-error';
import { sendError } from '../utils/error-response';

/** The service behind a settings list (`documentId` or a built-in's id). */
export interface SettingsListService<View, CreateInput, UpdateInput> {
  list(): Promise<View[]>;
  get(id: string): Promise<View | null>;
  create(input: CreateInput): Promise<View>;
  update(id: string, input: UpdateInput): Promise<View | null>;
  delete(id: string): Promise<View | null>;
}

export interface SettingsList<View, CreateInput, UpdateInput> {
  /** Names an item in a 404: `No ${what} has the id "…"`. */
  what: string;
  service: () => SettingsListService<View, CreateInput, UpdateInput>;
  validateCreate: (body: unknown) => Promise<CreateInput>;
  validateUpdate: (body: unknown) => Promise<UpdateInput>;
  /** What pickers need of the list, for any admin (no settings.read needed). */
  options: (list: View[]) => unknown[];
}

/** The 404 for an id no item of the list has. */
export const noSuch = (what: string, id: unknown) =>
  new errors.NotFoundError(`No ${what} has the id "${String(id).slice(0, 64)}"`);

/**
 * The actions behind `settingsListRoutes` (routes/admin-route): options, find, findOne, create,
 * update and delete; a delete refused because the item is in use answers 409 with its details.
 */
export const settingsListActions = <View, CreateInput, UpdateInput>(
  list: SettingsList<View, CreateInput, UpdateInput>
) => {
  const answer = (ctx: Context, view: View | null) => {
    if (!view) throw noSuch(list.what, ctx.params.id);
    ctx.body = { data: view };
  };

  return {
    async options(ctx: Context) {
      ctx.body = { data: list.options(await list.service().list()) };
    },

    async find(ctx: Context) {
      ctx.body = { data: await list.service().list() };
    },

    async findOne(ctx: Context) {
      answer(ctx, await list.service().get(ctx.params.id));
    },

    async create(ctx: Context) {
      const input = await list.validateCreate(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await list.service().create(input) };
    },

    async update(ctx: Context) {
      const input = await list.validateUpdate(ctx.request.body);
      answer(ctx, await list.service().update(ctx.params.id, input));
    },

    async delete(ctx: Context) {
      let view;
      try {
        view = await list.service().delete(ctx.params.id);
      } catch (error) {
        if (error instanceof InUseError) return sendError(ctx, 409, error.message, error.details);
        throw error;
      }
      answer(ctx, view);
    },
  };
};
