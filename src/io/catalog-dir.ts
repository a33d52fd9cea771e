/**
 * Reads a catalog directory (today its models.csv) into a validated Catalog. Every problem in
 * every row is collected and reported at its line and column name, then loading fails once:
 *
 *   pricing-data/models.csv:12 input: expected a price like 2.50, got "2,50"
 */
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOverlaps, MODEL_COLUMNS, modelRowSchema, REQUIRED_MODEL_COLUMNS, toModelPrice, type Catalog, type ModelPrice } from '../model/catalog.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { didYouMean } from '../model/did-you-mean.js';
import { readText } from './read-text.js';

/** The catalog shipped with cloudtco, found beside the code whether run from src/ or dist/. */
export function bundledCatalogDir(): string {
  return fileURLToPath(new URL('../../pricing-data/', import.meta.url));
}

export async function loadCatalog(dir: string, shownAs: string): Promise<Catalog> {
  const file = path.join(dir, 'models.csv');
  const shownFile = path.join(shownAs, 'models.csv');
  const { models, problems } = parseModelsCsv(await readText(file, shownFile), shownFile);
  if (problems.length > 0) throw new InputError(problems);
  return { files: [shownFile], models };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

export function parseModelsCsv(text: string, file: string): { models: ModelPrice[]; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
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

  const [header, ...rows] = records;
  if (header === undefined) return { models: [], problems: [...problems, { file, line: 1, message: `empty file; expected a header row with ${REQUIRED_MODEL_COLUMNS.join(', ')}` }] };
  const columns = header.record.map((c) => c.trim());
  problems.push(...checkHeader(columns, file));
  if (problems.length > 0) return { models: [], problems };

  const models: ModelPrice[] = [];
  for (const row of rows) {
    const { record } = row;
    const line = firstLineOf(row);
    const result = modelRowSchema.safeParse(Object.fromEntries(columns.map((c, i) => [c, record[i]])));
    if (result.success) models.push(toModelPrice(result.data, { file, line }));
    else for (const issue of result.error.issues) problems.push({ file, line, path: issue.path.map(String), message: issue.message });
  }
  problems.push(...findOverlaps(models));
  return { models, problems };
}

function checkHeader(columns: string[], file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const meant = new Set<string>();
  columns.forEach((column, i) => {
    if (columns.indexOf(column) !== i) problems.push({ file, line: 1, path: [column], message: `repeated column; each column may appear once` });
  });
  for (const column of columns.filter((c) => !(MODEL_COLUMNS as readonly string[]).includes(c))) {
    const match = didYouMean(column, MODEL_COLUMNS);
    if (match !== undefined) meant.add(match);
    const hint = match === undefined ? `; expected ${MODEL_COLUMNS.join(', ')}` : ` (did you mean "${match}"?)`;
    problems.push({ file, line: 1, path: [column], message: `unknown column${hint}` });
  }
  const missing = REQUIRED_MODEL_COLUMNS.filter((c) => !columns.includes(c) && !meant.has(c));
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
