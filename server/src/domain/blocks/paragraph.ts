import { renderInline } from './link';
import type { ParagraphBlock } from './types';

export const renderParagraph = (block: ParagraphBlock) => `<p>${renderInline(block.children)}</p>`;
