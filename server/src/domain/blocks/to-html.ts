import { renderCode } from './code';
import { renderHeading } from './heading';
import { renderImage } from './image';
import { renderList } from './list';
import { renderParagraph } from './paragraph';
import { renderQuote } from './quote';
import { sanitizeOutputHtml } from './sanitize';
import type { Block, Blocks } from './types';

const renderBlock = (block: Block): string => {
  switch (block.type) {
    case 'paragraph':
      return renderParagraph(block);
    case 'heading':
      return renderHeading(block);
    case 'list':
      return renderList(block);
    case 'quote':
      return renderQuote(block);
    case 'code':
      return renderCode(block);
    case 'image':
      return renderImage(block);
    default:
      return '';
  }
};

/**
 * Blocks (already filled, see `fillBlocks`) as HTML: every text escaped, links only to http, https,
 * mailto and tel; then sanitize-html with an explicit allowlist, in case.
 */
export const blocksToHtml = (blocks: Blocks) =>
  sanitizeOutputHtml(blocks.map(renderBlock).join(''));
