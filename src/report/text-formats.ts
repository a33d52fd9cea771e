/** The two machine formats every report shares: RFC 4180 CSV and indented JSON. */
import { stringify } from 'csv-stringify/sync';
import { visible } from '../model/safe-text.js';

/**
 * RFC 4180: CRLF line ends, a cell quoted only when it needs it (csv-stringify quotes commas and
 * quotes itself; line breaks are added here), and semicolons and tabs too: a spreadsheet in a
 * locale that separates cells with them would otherwise split the cell, and could run what
 * follows as a formula.
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | null)[])[], options: { bom?: boolean } = {}): string {
  return stringify([header, ...rows] as (string | null)[][], { record_delimiter: 'windows', quoted_match: /[\r\n;\t]/, bom: options.bom === true });
}

/**
 * A text cell a spreadsheet will not run: one starting with `=`, `+`, `-`, `@`, a tab, a line
 * break or NUL (or their full-width forms) is prefixed with `'`, as OWASP and ASVS advise. Only for free text:
 * numbers are never passed here, so `-12.5` stays a number.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}

/** Text in a GitHub-flavoured markdown table cell: a pipe or line break would end it, `<` and `&` start HTML. */
export function markdownCell(text: string): string {
  return visible(text.replace(/\r?\n/g, ' ')).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|');
}

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
