/**
 * Reads reports back the way a reader (or a spreadsheet) does: a terminal table's cells, and
 * money as shown ("1,234.56") into exact decimals.
 */
import { parse } from 'csv-parse/sync';
import { dec, type Decimal } from '../../src/model/money.js';

export interface TextTable {
  /** The header row's cells: the corner, then the option ids. */
  header: string[];
  rows: { label: string; cells: string[] }[];
}

/** The box-drawn tables of a rendered report (colour off), in order. */
export function tablesIn(text: string): TextTable[] {
  const tables: TextTable[] = [];
  let rows: string[][] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) rows = [];
    else if (line.startsWith('└') && rows !== undefined) {
      const [header, ...body] = rows;
      tables.push({ header: header!, rows: body.map(([label, ...cells]) => ({ label: label!, cells })) });
      rows = undefined;
    } else if (line.startsWith('│') && rows !== undefined) rows.push(line.split('│').slice(1, -1).map((cell) => cell.trim()));
  }
  return tables;
}

/** "1,234.56" or "-0.50" as the exact decimal it shows. */
export function shownMoney(cell: string): Decimal {
  return dec(cell.replace(/,/g, ''));
}

/** CSV text as records keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

/** Minor units of the reporting currencies the tests use, per ISO 4217. */
export const MINOR_UNITS: Record<string, number> = { USD: 2, EUR: 2, JPY: 0, KWD: 3 };

/** Half away from zero to `digits` decimals, by hand: sign × ⌊|x| × 10^d + ½⌋ ÷ 10^d. */
export function halfAwayFromZero(x: Decimal, digits: number): Decimal {
  const scale = dec('10').pow(digits);
  const magnitude = x.abs().times(scale).plus('0.5').floor().div(scale);
  return x.isNegative() ? magnitude.neg() : magnitude;
}
