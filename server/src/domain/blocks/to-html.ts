import { renderCode } from './code';
import { renderHeading } from './heading';
import { renderImage } from './image';
import { renderList } from './list';
import { renderParagraph } from './paragraph';
import { renderQuote } from './quote';
import { sanitizeOutputHtml } from './sanitize';
import type { Block, Blocks } from './types';

type Renderers = { [T in Block['type']]: (block: Extract<Block, { type: T }>) => string };

const RENDERERS: Renderers = {
  paragraph: renderParagraph,
  heading: renderHeading,
  list: renderList,
  quote: renderQuote,
  code: renderCode,
  image: renderImage,
};

/** The renderer of the block's own type ('' for a type it does not know). */
const renderBlock = <T extends Block['type']>(block: Extract<Block, { type: T }>): string =>
  Object.prototype.hasOwnProperty.call(RENDERERS, block.type) ? RENDERERS[block.type](block) : '';

/**
 * Blocks (already filled, see `fillBlocks`) as HTML: every text escaped, links only to http, https,
 * mailto and tel; then sanitize-html with an explicit allowlist, in case.
 */
export const blocksToHtml = (blocks: Blocks) =>
  sanitizeOutputHtml(blocks.map(renderBlock).join(''));
