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
  return stringify([header, ...rows] as (string | null)[][], { ...CSV_OPTIONS, bom: options.bom === true });
}

/** More rows of a table whose header csvText has written. */
export function csvRows(rows: readonly (readonly (string | null)[])[]): string {
  return stringify(rows as (string | null)[][], CSV_OPTIONS);
}

const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n;\t]/ } as const;

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

/** An array in a JSON document whose items are written one by one (see jsonPieces). */
export class StreamedArray {
  constructor(readonly items: Iterable<unknown>) {}
}

/** About how much text one piece holds: few writes, yet never the whole report in one string. */
const PIECE_CHARS = 1 << 17;

/**
 * The same text as `jsonText(value)`, in pieces: each StreamedArray in `value` is written item by
 * item, so a report with a million line items never becomes one string (V8 caps a string at
 * about 512 MB). The rest of the document is stringified as usual around markers for the arrays.
 */
export function* jsonPieces(value: unknown): Iterable<string> {
  const arrays: StreamedArray[] = [];
  const nonce = Math.random().toString(36).slice(2);
  const marker = (i: number) => `\u0000streamed:${nonce}:${i}`;
  const skeleton = JSON.stringify(value, (_key, v: unknown) => (v instanceof StreamedArray ? marker(arrays.push(v) - 1) : v), 2);
  let rest = `${skeleton}\n`;
  for (const [i, array] of arrays.entries()) {
    const quoted = JSON.stringify(marker(i));
    const at = rest.indexOf(quoted);
    // the array's items sit one level deeper than the line that names it
    const indent = /^ */.exec(rest.slice(rest.lastIndexOf('\n', at) + 1, at))![0];
    yield rest.slice(0, at);
    yield* arrayPieces(array.items, indent);
    rest = rest.slice(at + quoted.length);
  }
  yield rest;
}

/** `[`, each item as JSON.stringify(item, null, 2) would place it at this indent, `]`; pieces of about PIECE_CHARS. */
function* arrayPieces(items: Iterable<unknown>, indent: string): Iterable<string> {
  const inner = `${indent}  `;
  let piece = '';
  let first = true;
  for (const item of items) {
    piece += `${first ? '[\n' : ',\n'}${inner}${JSON.stringify(item, null, 2).replace(/\n/g, `\n${inner}`)}`;
    first = false;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield first ? '[]' : `${piece}\n${indent}]`;
}
