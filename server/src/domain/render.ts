const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const PLACEHOLDER = /\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?)\s*\}/g;

/** A variable's value as text: unknown variables are empty, opt-ins (checkboxes) read 1 / 0. */
const valueText = (value: unknown) => {
  if (value === undefined || value === null) return '';
  // Opt-in answers (checkboxes) read as 1 / 0, as Qualifio's opt-in variables do.
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
};

/**
 * Fills `{name}` / `{coupon.code}` placeholders with plain text (no escaping): for the text nodes
 * and link URLs of Blocks rich text, which are text, never markup. Unknown variables are empty.
 */
export const fillPlaceholders = (template: string, variables: Record<string, unknown>) =>
  template.replace(PLACEHOLDER, (_m, name: string) => valueText(variables[name]));

/**
 * Fills placeholders in a template that is HTML (the exit screen's title, escaped by the caller):
 * every substituted value is the participant's or ClearOn's, so each is HTML-escaped.
 */
export const renderTemplate = (template: string, variables: Record<string, unknown>) =>
  template.replace(PLACEHOLDER, (_m, name: string) => escapeHtml(valueText(variables[name])));
