/** The two machine formats every report shares: RFC 4180 CSV and indented JSON. */
import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180: CRLF line ends, a cell quoted only when it needs it (csv-stringify quotes commas and
 * quotes itself; line breaks are added here).
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | null)[])[], options: { bom?: boolean } = {}): string {
  return stringify([header, ...rows] as (string | null)[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/, bom: options.bom === true });
}

/**
 * A text cell a spreadsheet will not run: one starting with `=`, `+`, `-`, `@`, a tab or a line
 * break (or their full-width forms) is prefixed with `'`, as OWASP advises. Only for free text:
 * numbers are never passed here, so `-12.5` stays a number.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
