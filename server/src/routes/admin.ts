import type { Core } from '@strapi/strapi';

export default {
  type: 'admin',
  routes: [],
} satisfies Core.RouterInput;
