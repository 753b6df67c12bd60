import { fillBlocks } from './fill';
import { bodyToBlocks } from './from-html';
import { blocksToHtml } from './to-html';
import type { Blocks } from './types';

export type { Blocks } from './types';
export { bodyToBlocks, legacyBodyToBlocks } from './from-html';
export { fillBlocks } from './fill';
export { blocksToHtml } from './to-html';

/**
 * An exit screen's body for one participant (or the preview's sample values): `blocks` with the
 * placeholders filled as plain text and only safe links and images, and the same as `html`.
 */
export const renderExitScreenBody = (
  body: unknown,
  variables: Record<string, unknown>
): { blocks: Blocks; html: string } => {
  const blocks = fillBlocks(bodyToBlocks(body), variables);
  return { blocks, html: blocksToHtml(blocks) };
};
