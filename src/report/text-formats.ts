/** The two machine formats every report shares: RFC 4180 CSV and indented JSON. */
import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180: CRLF line ends, a cell quoted only when it needs it (csv-stringify quotes commas and
 * quotes itself; line breaks are added here).
 */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows] as string[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
