import { renderInline } from './link';
import type { QuoteBlock } from './types';

export const renderQuote = (block: QuoteBlock) =>
  `<blockquote>${renderInline(block.children)}</blockquote>`;
