import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

const health = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: Context) {
    const campaigns = await strapi.db.query('plugin::clearon.campaign').count({});
    ctx.body = { data: { status: 'ok', campaigns } };
  },
});

export default health;
