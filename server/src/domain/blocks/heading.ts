import { renderInline } from './link';
import type { HeadingBlock } from './types';

export const renderHeading = (block: HeadingBlock) => {
  const level = Math.min(Math.max(Math.trunc(Number(block.level)) || 2, 1), 6);
  return `<h${level}>${renderInline(block.children)}</h${level}>`;
};
