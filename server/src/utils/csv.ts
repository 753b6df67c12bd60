/** One CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets do not run it. */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvRow = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`;
