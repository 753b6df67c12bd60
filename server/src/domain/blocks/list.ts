import { renderInline } from './link';
import type { ListBlock } from './types';

/**
 * A list; a nested list (Strapi's editor puts it among the items, with an `indentLevel`) goes inside
 * the item before it, as HTML wants.
 */
export const renderList = (block: ListBlock): string => {
  const tag = block.format === 'ordered' ? 'ol' : 'ul';
  const items: string[] = [];
  for (const child of block.children) {
    if (child.type === 'list') {
      const nested = renderList(child);
      if (items.length > 0) items[items.length - 1] += nested;
      else items.push(nested);
    } else {
      items.push(renderInline(child.children));
    }
  }
  return `<${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
};
