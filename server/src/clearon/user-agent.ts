import { version } from '../../../package.json';

/** `strapi-plugin-clearon/<version>`, as the contract asks. */
export const DEFAULT_USER_AGENT = `strapi-plugin-clearon/${version}`;
