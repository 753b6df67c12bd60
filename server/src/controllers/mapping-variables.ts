import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { MappingVariableInUseError } from '../services/mapping-variables';
import {
  validateMappingVariableCreate,
  validateMappingVariableUpdate,
} from '../validation/mapping-variable';
import { sendConflict } from '../utils/error-response';
import { getService } from '../utils/get-service';
import type { MappingVariableOption } from '../../../shared/contracts/mapping-variables';

const notFound = (id: unknown) =>
  new errors.NotFoundError(`No mapping variable has the id "${String(id).slice(0, 64)}"`);

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const variables = () => getService(strapi, 'mapping-variables');

  return {
    /** For editors picking a form field's mapping variable (no settings.read needed). */
    async options(ctx: Context) {
      const list = await variables().list();
      const data: MappingVariableOption[] = list
        .filter((view) => view.availableInForms)
        .map(({ technicalName, label, builtIn }) => ({ technicalName, label, builtIn }));
      ctx.body = { data };
    },

    /** Built-in CRM variables (builtIn: true) first, then the stored ones. */
    async find(ctx: Context) {
      ctx.body = { data: await variables().list() };
    },

    async findOne(ctx: Context) {
      const view = await variables().get(ctx.params.id);
      if (!view) throw notFound(ctx.params.id);
      ctx.body = { data: view };
    },

    async create(ctx: Context) {
      const input = await validateMappingVariableCreate(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await variables().create(input) };
    },

    async update(ctx: Context) {
      const input = await validateMappingVariableUpdate(ctx.request.body);
      const view = await variables().update(ctx.params.id, input);
      if (!view) throw notFound(ctx.params.id);
      ctx.body = { data: view };
    },

    async delete(ctx: Context) {
      let view;
      try {
        view = await variables().delete(ctx.params.id);
      } catch (error) {
        if (error instanceof MappingVariableInUseError) {
          sendConflict(ctx, error.message, { campaigns: error.campaigns });
          return;
        }
        throw error;
      }
      if (!view) throw notFound(ctx.params.id);
      ctx.body = { data: view };
    },
  };
};

export default controller;
