import type { Core } from '@strapi/strapi';

const service = ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({});

export default service;
