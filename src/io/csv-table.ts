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

export function parseTable<Row>(spec: TableSpec<Row>, text: string, file: string): { rows: Row[]; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const columns = Object.keys(spec.schema.shape);
  // csv-parse miscounts lines for CRLF files with line breaks inside quoted cells; LF counts right
  const records = parse(text.replace(/\r\n?/g, '\n'), {
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const line = typeof error?.lines === 'number' ? error.lines : undefined;
      problems.push({ file, line, message: csvProblem(error?.code, error?.message ?? 'unreadable record') });
    },
  }) as unknown as CsvRecord[]; // `info: true` wraps each record; the typings don't model it

  const [header, ...records_] = records;
  if (header === undefined) return { rows: [], problems: [...problems, { file, line: 1, message: `empty file; expected a header row with ${columns.join(', ')}` }] };
  const names = header.record.map((c) => c.trim());
  problems.push(...headerProblems(names, columns, spec.optionalColumns, file));
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

function headerProblems(names: string[], columns: string[], optionalColumns: readonly string[], file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  names.forEach((column, i) => {
    if (names.indexOf(column) !== i) problems.push({ file, line: 1, path: [column], message: 'repeated column; each column may appear once' });
  });
  const meant = new Set<string>();
  for (const column of names.filter((c) => !columns.includes(c))) {
    const match = didYouMean(column, columns);
    if (match !== undefined) meant.add(match);
    const hint = match === undefined ? `; expected ${columns.join(', ')}` : ` (did you mean "${match}"?)`;
    problems.push({ file, line: 1, path: [column], message: `unknown column${hint}` });
  }
  const missing = columns.filter((c) => !optionalColumns.includes(c) && !names.includes(c) && !meant.has(c));
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
  return message.replace(/ at line \d+$/, '').replace(/ on line \d+$/, '');
}
