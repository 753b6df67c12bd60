const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * Fills `{name}` / `{coupon.code}` placeholders. The template is the editor's text (trusted, may hold
 * HTML); every substituted value is the participant's or ClearOn's, so each is HTML-escaped. Unknown
 * variables render empty.
 */
export const renderTemplate = (template: string, variables: Record<string, unknown>) =>
  template.replace(/\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?)\s*\}/g, (_m, name) => {
    const value = variables[name];
    if (value === undefined || value === null) return '';
    // Opt-in answers (checkboxes) read as 1 / 0, as Qualifio's opt-in variables do.
    if (typeof value === 'boolean') return value ? '1' : '0';
    return escapeHtml(String(value));
  });

/** Plain text (no tags) becomes paragraphs; editor HTML is kept as written. */
export const toHtml = (text: string) => {
  if (/<[a-z][\s\S]*>/i.test(text)) return text;
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('');
};
