import { factories } from '@strapi/strapi';

// Not public: the tests write newsletters through the document service and the Content Manager.
export default factories.createCoreRouter('api::newsletter.newsletter', { only: ['find'] });
