import type { Core } from '@strapi/strapi';

const routes: Core.RouteInput[] = [];

export default routes;
