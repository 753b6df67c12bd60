import { compileStrapi } from '@strapi/strapi';
import { PLAYGROUND_DIR } from './paths';

// Strapi loads only compiled .js config: compile the TypeScript playground once per run.
export default async function globalSetup() {
  await compileStrapi({ appDir: PLAYGROUND_DIR });
}
