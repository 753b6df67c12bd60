import type { Core } from '@strapi/strapi';
import publicRoutes from './public';

export default {
  type: 'content-api',
  routes: publicRoutes,
} satisfies Core.RouterInput;
