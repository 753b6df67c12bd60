import { escapeHtml } from '../render';
import { safeImageUrl } from './links';
import type { ImageBlock } from './types';

/** An image from the media library: http(s) or a path on this server, with its alternative text. */
export const renderImage = (block: ImageBlock) => {
  const src = safeImageUrl(block.image?.url);
  if (!src) return '';
  const attributes = [
    `src="${escapeHtml(src)}"`,
    `alt="${escapeHtml(block.image.alternativeText ?? '')}"`,
  ];
  for (const dimension of ['width', 'height'] as const) {
    const value = block.image[dimension];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0)
      attributes.push(`${dimension}="${Math.round(value)}"`);
  }
  return `<img ${attributes.join(' ')}>`;
};
