/**
 * Mutations of a catalog directory: hostile cells (overflowing, negative, NaN prices; dates
 * that do not exist; text that attacks terminals and CI logs), extra and missing columns and
 * cells, repeated rows (overlapping windows), many rows for one key, a table missing or a
 * directory in its place; then, sometimes, the byte-level mutations every text file suffers.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { TABLE_NAMES, type CatalogTables, type TableName } from './corpus.js';
import { extremePrice, hostileCell, hostileDateText, hostileNumberText } from './hostile-values.js';
import type { Random } from './random.js';
import { GENERIC_TEXT_MUTATIONS, mutateText } from './text-mutations.js';

/** A catalog as files: a table's bytes, or 'directory' where a directory stands in its place. */
export type CatalogFiles = Partial<Record<TableName, Buffer | 'directory'>>;

type Table = string[][];
type TableMutation = (table: Table, random: Random, name: TableName) => string | undefined;

const NUMERIC_COLUMNS = new Set(['input', 'cached_input', 'output', 'price', 'tier_from', 'tier_to', 'rtt_ms']);
const PRICE_COLUMNS = new Set(['input', 'cached_input', 'output', 'price']);
const DATE_COLUMNS = new Set(['effective_from', 'effective_to', 'as_of', 'available_from', 'available_until']);

const column = (table: Table, name: string) => table[0]!.indexOf(name);
const dataRow = (table: Table, random: Random) => (table.length > 1 ? random.between(1, table.length - 1) : undefined);

const hostileCellAt: TableMutation = (table, random) => {
  const row = dataRow(table, random);
  if (row === undefined) return undefined;
  const col = random.int(table[0]!.length);
  const name = table[0]![col]!;
  const value = NUMERIC_COLUMNS.has(name) && random.chance(0.7) ? hostileNumberText(random) : DATE_COLUMNS.has(name) && random.chance(0.7) ? hostileDateText(random) : hostileCell(random);
  table[row]![col] = value;
  return `line ${row + 1} ${name} = ${JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}… (${value.length} chars)` : value)}`;
};

/** A price the format accepts, at its edges: 0, thousands of digits, a tiny fraction. */
const extremePriceAt: TableMutation = (table, random) => {
  const columns = table[0]!.flatMap((c, i) => (PRICE_COLUMNS.has(c) ? [i] : []));
  const row = dataRow(table, random);
  if (row === undefined || columns.length === 0) return undefined;
  const col = random.pick(columns);
  const value = extremePrice(random);
  table[row]![col] = value;
  return `line ${row + 1} ${table[0]![col]} = ${value.length > 40 ? `${value.slice(0, 20)}… (${value.length} chars)` : value} (edge price)`;
};

const extraColumn: TableMutation = (table, random) => {
  const name = random.pick(['extra', 'ouput', 'note', table[0]![0]!, '', ' input ', 'Input']);
  const everywhere = random.chance(0.7);
  table.forEach((row, i) => {
    if (i === 0) row.push(name);
    else if (everywhere) row.push('1');
  });
  return `extra column ${JSON.stringify(name)}${everywhere ? '' : ' (header only)'}`;
};

const missingColumn: TableMutation = (table, random) => {
  const col = random.int(table[0]!.length);
  const name = table[0]![col];
  const everywhere = random.chance(0.7);
  table.forEach((row, i) => (i === 0 || everywhere ? row.splice(col, 1) : undefined));
  return `column ${name} removed${everywhere ? '' : ' (header only)'}`;
};

const cellCount: TableMutation = (table, random) => {
  const row = dataRow(table, random);
  if (row === undefined) return undefined;
  if (random.chance(0.5)) table[row]!.push('surplus');
  else table[row]!.pop();
  return `line ${row + 1} has a cell ${table[row]!.length > table[0]!.length ? 'too many' : 'too few'}`;
};

/** The same row again: its key priced twice for the same dates. */
const repeatRow: TableMutation = (table, random) => {
  const row = dataRow(table, random);
  if (row === undefined) return undefined;
  const copy = [...table[row]!];
  const from = column(table, 'effective_from');
  if (from >= 0 && random.chance(0.5)) copy[from] = random.pick(['2026-01-01', '2027-06-15', '2099-01-01', '']);
  table.splice(row + 1, 0, copy);
  return `line ${row + 1} repeated${copy[from] !== table[row]![from] ? ` from ${copy[from]}` : ''}`;
};

/** One key priced in many consecutive windows (models) or tiers (metered tables): valid, and large. */
const manyRowsForKey: TableMutation = (table, random, name) => {
  const row = dataRow(table, random);
  if (row === undefined) return undefined;
  const count = random.pick([12, 120, 600]);
  const [from, to] = [column(table, 'effective_from'), column(table, 'effective_to')];
  const [tierFrom, tierTo] = [column(table, 'tier_from'), column(table, 'tier_to')];
  const template = table[row]!;
  const copies: string[][] = [];
  for (let i = 0; i < count; i++) {
    const copy = [...template];
    if (tierFrom >= 0 && tierTo >= 0) {
      copy[tierFrom] = String(i * 10);
      copy[tierTo] = i === count - 1 ? '' : String((i + 1) * 10);
    } else if (from >= 0 && to >= 0) {
      const month = (i: number) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
      copy[from] = month(i);
      copy[to] = i === count - 1 ? '' : month(i + 1);
    } else {
      return undefined;
    }
    copies.push(copy);
  }
  table.splice(row, 1, ...copies);
  return `line ${row + 1} of ${name} as ${count} ${tierFrom >= 0 ? 'tiers' : 'monthly windows'}`;
};

const headerOnly: TableMutation = (table) => {
  table.splice(1);
  return 'header only';
};

const renameHeader: TableMutation = (table, random) => {
  const col = random.int(table[0]!.length);
  const before = table[0]![col];
  table[0]![col] = random.pick([`${before}s`, before!.toUpperCase(), ` ${before}`, `${before}\x1b[31m`, '', before!.slice(1)]);
  return `column ${before} named ${JSON.stringify(table[0]![col])}`;
};

const shuffleColumns: TableMutation = (table, random) => {
  const order = random.sample(table[0]!.map((_, i) => i), table[0]!.length);
  table.forEach((row, r) => (table[r] = order.map((i) => row[i] ?? '')));
  return 'columns reordered';
};

const TABLE_MUTATIONS: readonly (readonly [number, TableMutation])[] = [
  [10, hostileCellAt],
  [5, extremePriceAt],
  [2, extraColumn],
  [2, missingColumn],
  [2, cellCount],
  [3, repeatRow],
  [2, manyRowsForKey],
  [0.5, headerOnly],
  [1, renameHeader],
  [1, shuffleColumns],
];

/** A catalog with a few mutations; returns its files and what was done. */
export function mutateCatalog(base: CatalogTables, random: Random, notes: string[]): CatalogFiles {
  const files: CatalogFiles = Object.fromEntries(TABLE_NAMES.map((name) => [name, Buffer.from(base[name])]));
  const count = random.weighted([[6, 1], [3, 2], [1, 3]] as const);
  for (let i = 0; i < count; i++) {
    const name = random.weighted<TableName>([[5, 'models.csv'], [2, 'egress.csv'], [2, 'services.csv'], [2, 'availability.csv'], [1, 'latency.csv'], [1, 'regions.csv']]);
    const current = files[name];
    const kind = random.weighted([[8, 'table'], [3, 'text'], [1, 'file']] as const);
    if (kind === 'file' || current === undefined || current === 'directory') {
      const gone = random.chance(0.7);
      if (gone) delete files[name];
      else files[name] = 'directory';
      notes.push(`${name}: ${gone ? 'missing' : 'a directory'}`);
    } else if (kind === 'text') {
      files[name] = mutateText(current, random, 1, GENERIC_TEXT_MUTATIONS, notes);
      notes[notes.length - 1] = `${name}: ${notes[notes.length - 1]}`;
    } else {
      let table: Table;
      try {
        table = parseCsv(current.toString('utf8'), { relax_column_count: true }) as Table;
      } catch {
        continue; // an earlier text mutation left no table to restructure
      }
      if (table.length === 0) continue;
      const note = random.weighted(TABLE_MUTATIONS)(table, random, name);
      if (note === undefined) continue;
      files[name] = Buffer.from(stringifyCsv(table));
      notes.push(`${name}: ${note}`);
    }
  }
  return files;
}
