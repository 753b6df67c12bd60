import type { Core } from '@strapi/strapi';

const controller = ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({});

export default controller;
