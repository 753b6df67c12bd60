import { escapeHtml } from '../render';
import type { CodeBlock } from './types';

/** A code block: its text as written (escaped), without the inline modifiers. */
export const renderCode = (block: CodeBlock) =>
  `<pre><code>${escapeHtml(block.children.map((child) => child.text).join(''))}</code></pre>`;
