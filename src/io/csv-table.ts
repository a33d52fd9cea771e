/**
 * Reads one CSV table of the catalog: a header row naming the columns (in any order), then one
 * row per line, each validated by the table's zod schema. Every problem in every row is
 * collected, located by line and column name:
 *
 *   pricing-data/models.csv:12 input: expected a price like 2.50, got "2,50"
 */
import { parse } from 'csv-parse/sync';
import type * as z from 'zod';
import type { RowRef } from '../model/catalog.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { didYouMean } from '../model/did-you-mean.js';
import { append } from '../model/append.js';

export interface TableSpec<Row> {
  /** File name within the catalog directory. */
  name: string;
  schema: z.ZodType & { shape: z.ZodRawShape };
  /** Columns a file may leave out of its header. */
  optionalColumns: readonly string[];
  toRow: (value: never, ref: RowRef) => Row;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** The longest row read: a catalog row with a long note is under 2 000 characters. */
const MAX_RECORD_CHARS = 65_536;
/** Unreadable records reported one by one; past this the file is broken, not mistyped. */
const MAX_UNREADABLE = 100;

export function parseTable<Row>(spec: TableSpec<Row>, text: string, file: string): { rows: Row[]; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const columns = Object.keys(spec.schema.shape);
  // csv-parse miscounts lines for CRLF files with line breaks inside quoted cells; LF counts right
  let skipped = 0;
  const records = parse(text.replace(/\r\n?/g, '\n'), {
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    // a quote inside an unquoted cell is a character, as spreadsheets read it; otherwise each of
    // a run of quotes is an error of its own quoting the cell so far, which floods (and fills) memory
    relax_quotes: true,
    // no real row comes near this; a longer one is a broken file, said once rather than copied into every message
    max_record_size: MAX_RECORD_CHARS,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (++skipped > MAX_UNREADABLE) return;
      const line = typeof error?.lines === 'number' ? error.lines : undefined;
      problems.push({ file, line, message: csvProblem(error?.code, error?.message ?? 'unreadable record') });
    },
  }) as unknown as CsvRecord[]; // `info: true` wraps each record; the typings don't model it
  if (skipped > MAX_UNREADABLE) problems.push({ file, message: `and ${skipped - MAX_UNREADABLE} more unreadable records` });

  const [header, ...records_] = records;
  if (header === undefined) return { rows: [], problems: [...problems, { file, line: 1, message: `empty file; expected a header row with ${columns.join(', ')}` }] };
  const names = header.record.map((c) => c.trim());
  append(problems, headerProblems(names, columns, spec.optionalColumns, file));
  if (problems.length > 0) return { rows: [], problems };

  const rows: Row[] = [];
  for (const record of records_) {
    const line = firstLineOf(record);
    const result = spec.schema.safeParse(Object.fromEntries(names.map((c, i) => [c, record.record[i]])));
    if (result.success) rows.push(spec.toRow(result.data as never, { file, line }));
    else for (const issue of result.error.issues) problems.push({ file, line, path: issue.path.map(String), message: issue.message });
  }
  return { rows, problems };
}

/** Each repeated, unknown and missing column once, however often it appears (a header of 100 000 commas is three problems). */
function headerProblems(names: string[], columns: string[], optionalColumns: readonly string[], file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const column of names) {
    if (seen.has(column)) repeated.add(column);
    seen.add(column);
  }
  // a column without a name (a stray comma) is said once, however many there are
  if (seen.has('')) problems.push({ file, line: 1, message: 'a column has no name (a stray comma in the header?)' });
  for (const column of repeated) if (column !== '') problems.push({ file, line: 1, path: [column], message: 'repeated column; each column may appear once' });
  const known = new Set(columns);
  const meant = new Set<string>();
  for (const column of [...seen].filter((c) => c !== '' && !known.has(c))) {
    const match = didYouMean(column, columns);
    if (match !== undefined) meant.add(match);
    const hint = match === undefined ? `; expected ${columns.join(', ')}` : ` (did you mean "${match}"?)`;
    problems.push({ file, line: 1, path: [column], message: `unknown column${hint}` });
  }
  const missing = columns.filter((c) => !optionalColumns.includes(c) && !seen.has(c) && !meant.has(c));
  if (missing.length > 0) problems.push({ file, line: 1, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
  return problems;
}

/**
 * csv-parse counts the line a record ends on, and a quoted cell may span lines. The raw text
 * (skipped blank lines before it, the record, its line break) tells how many lines back it began.
 */
function firstLineOf({ info, raw }: CsvRecord): number {
  const newlines = raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
  return info.lines - newlines;
}

function csvProblem(code: string | undefined, message: string): string {
  if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') return `wrong number of fields; ${message.replace(/^Invalid Record Length: /, '').replace(/^expect/, 'expected').replace(/ on line \d+$/, '')}`;
  if (code === 'CSV_MAX_RECORD_SIZE') return `the row is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters, far more than any catalog row; is the file a catalog table?`;
  // csv-parse quotes the whole cell read so far: the line number says where, the cell may be megabytes
  return message.replace(/, value is "[\s\S]*$/, '').replace(/ at line \d+$/, '').replace(/ on line \d+$/, '');
}
