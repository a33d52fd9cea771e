/**
 * Reads usage logs record by record: CSV or JSONL, gzipped or not, files or directories of
 * them, in bounded memory however large (nothing but the current chunk and, for logs with ids,
 * the ids seen is kept). Each request becomes a UsageRecord handed to `sink`; a record that
 * cannot be read is counted and the first few are kept with their file and line, never skipped
 * silently. With `strict` the first one is an error.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { countText, LIMITS } from '../model/limits.js';
import { clipped } from '../model/safe-text.js';
import { dayNumber, parseTimestamp, periodOf, timeInRange } from '../model/timestamp.js';
import { MAX_RECORD_TOKENS, type UsageRecord } from '../model/usage-record.js';
import { csvRecords } from './csv-records.js';
import { chunksOf, eachLine, MAX_LINE_BYTES, streamProblem } from './line-reader.js';
import { scanClaudeCodeLine, type ClaudeCodeLine } from './claude-code-scan.js';
import { AGGREGATED, AGGREGATED_COLUMNS, type UsageField, type UsageFormat, type UsageLayout } from './usage-layouts.js';
import type { UsageTotals } from '../engine/usage-buckets.js';
import { daysInMonth, isIsoDate, isPeriod } from '../model/period.js';

export interface UsageReadOptions {
  layout: UsageLayout;
  /** The model of records whose log names none. */
  model: string | undefined;
  strict: boolean;
  /** The working directory, for file names in messages. */
  cwd: string;
}

export interface UsageReadSummary {
  files: string[];
  /** Records read as requests (a pre-aggregated row counts once). */
  records: number;
  /** The same request logged again (same id), counted once. */
  duplicates: number;
  /** JSONL lines that are not requests (user messages, summaries), passed over. */
  passedOver: number;
  bad: number;
  /** The first bad records, located. */
  firstBad: Diagnostic[];
}

/** Bad records shown one by one; the rest are counted. */
export const BAD_SHOWN = 10;
/** The longest line read: a Claude Code line with a long tool result runs to a few MB. */
const EXTENSIONS: Record<string, UsageFormat> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/** Where what is read goes: each request, or each pre-aggregated row's sums (engine/usage-buckets.ts). */
export interface UsageSink {
  add(record: UsageRecord): void;
  addTotals(span: { day: number; days: number }, logged: string, batch: boolean, promptOver: number | undefined, totals: UsageTotals): void;
}

export async function readUsage(inputs: readonly string[], options: UsageReadOptions, sink: UsageSink): Promise<UsageReadSummary> {
  const files = await usageFiles(inputs, options);
  const summary: UsageReadSummary = { files: files.map((f) => f.shown), records: 0, duplicates: 0, passedOver: 0, bad: 0, firstBad: [] };
  const seen = new Set<string>();
  for (const file of files) {
    const context: FileContext = { ...file, options, summary, seen, sink };
    if (options.layout.name === AGGREGATED) await readAggregated(context);
    else if (file.format === 'csv') await readCsv(context);
    else await readJsonl(context);
  }
  return summary;
}

interface UsageFile {
  file: string;
  shown: string;
  format: UsageFormat;
}

/** Files given, and the usage files under directories given (sorted, so every run reads them in one order). */
async function usageFiles(inputs: readonly string[], options: UsageReadOptions): Promise<UsageFile[]> {
  const files: UsageFile[] = [];
  const problems: Diagnostic[] = [];
  for (const input of inputs) {
    const file = path.resolve(options.cwd, input);
    const shown = input;
    let info;
    try {
      info = await stat(file);
    } catch (error) {
      problems.push({ file: shown, message: `cannot read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}` });
      continue;
    }
    if (info.isDirectory()) {
      const found = (await readdir(file, { recursive: true })).filter((name) => formatOf(name) !== undefined).sort();
      if (found.length === 0) problems.push({ file: shown, message: `holds no usage files (${Object.keys(EXTENSIONS).join(', ')}, or those gzipped)` });
      for (const name of found) {
        const inner = path.join(file, name);
        if ((await stat(inner)).isFile()) files.push({ file: inner, shown: path.join(shown, name), format: options.layout.format ?? formatOf(name)! });
      }
      continue;
    }
    const format = options.layout.format ?? formatOf(input);
    if (format === undefined) {
      problems.push({ file: shown, message: `cannot tell its format from its name; expected a name ending in ${Object.keys(EXTENSIONS).join(', ')} (or .gz after one), or a --preset` });
      continue;
    }
    files.push({ file, shown, format });
  }
  if (problems.length > 0) throw new InputError(problems);
  return files;
}

function formatOf(name: string): UsageFormat | undefined {
  const plain = name.toLowerCase().replace(/\.gz$/, '');
  return EXTENSIONS[path.extname(plain)];
}

interface FileContext extends UsageFile {
  options: UsageReadOptions;
  summary: UsageReadSummary;
  seen: Set<string>;
  sink: UsageSink;
}

/** A bad record: counted, shown among the first, or the error with --strict. */
function bad(context: FileContext, line: number, message: string): void {
  const problem = { file: context.shown, line, message };
  if (context.options.strict) throw new InputError([{ ...problem, message: `${message} (--strict makes any bad record an error)` }]);
  context.summary.bad++;
  if (context.summary.firstBad.length < BAD_SHOWN) context.summary.firstBad.push(problem);
}

/**
 * Each row of a CSV file after its header, with its line; `required` are the columns the header
 * must have. `rowsOf` is given the header and returns what reads each row. A row with another
 * number of cells than the header is a bad record.
 */
async function eachCsvRow(context: FileContext, required: (header: ReadonlyMap<string, number>) => string[], rowsOf: (header: ReadonlyMap<string, number>) => (row: readonly string[], line: number) => void): Promise<void> {
  let columns: Map<string, number> | undefined;
  let onRow: ((row: readonly string[], line: number) => void) | undefined;
  const records = csvRecords(
    (record, line) => {
      if (columns === undefined) {
        columns = new Map(record.map((name, i) => [name.trim(), i]));
        const missing = required(columns).filter((column) => !columns!.has(column));
        if (missing.length > 0) {
          throw new InputError([{ file: context.shown, line, message: `has no column ${missing.map((c) => `"${clipped(c, 80)}"`).join(', ')}; its header has ${[...columns.keys()].map((c) => clipped(c, 80)).join(', ')}` }]);
        }
        onRow = rowsOf(columns);
        return;
      }
      if (record.length !== columns.size) return bad(context, line, `has ${record.length} cells; the header has ${columns.size}`);
      onRow!(record, line);
    },
    (line, message) => bad(context, line, message),
  );
  let lineNumber = 0;
  try {
    await eachLine(
      chunksOf(context.file, context.shown),
      (buf, start, end) => {
        lineNumber++;
        records.line(buf, start, end);
      },
      () => bad(context, lineNumber + 1, `is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; passed over`),
    );
    records.end();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw streamProblem(context.shown, error);
  }
  if (columns === undefined) throw new InputError([{ file: context.shown, line: 1, message: 'is empty; expected a header row and one row per request' }]);
}

async function readCsv(context: FileContext): Promise<void> {
  const { layout } = context.options;
  const read = recordReader(context);
  const required = () =>
    Object.values(layout.fields)
      .flatMap((column) => column.split('+'))
      .filter((column) => !optionalColumn(layout, column));
  await eachCsvRow(context, required, (header) => {
    // each field's cell, found once per file: a row is only an array
    const cells = new Map(Object.entries(layout.fields).map(([field, column]) => [field, column.split('+').map((c) => header.get(c))]));
    let row: readonly string[] = [];
    const get = (field: UsageField): string | undefined => {
      const at = cells.get(field);
      if (at === undefined) return undefined;
      if (at.length === 1) return at[0] === undefined ? undefined : row[at[0]];
      // an id of several columns is an id only when the row has them all
      const values = at.map((i) => (i === undefined ? undefined : row[i]));
      return values.some((v) => v === undefined || v === '') ? undefined : values.join('+');
    };
    return (record, line) => {
      row = record;
      read(get, line);
    };
  });
}

/**
 * The aggregated usage `replay sql` writes: one row per day (or month), model, tier and prompt
 * band, with token sums and a request count, as exact integers of any size.
 */
async function readAggregated(context: FileContext): Promise<void> {
  const { summary, sink } = context;
  await eachCsvRow(context, () => [...AGGREGATED_COLUMNS], (header) => (row, line) => {
    const cell = (column: string) => row[header.get(column)!];
    const problems: string[] = [];
    const periodText = (cell('period') ?? '').trim();
    let span: { day: number; days: number } | undefined;
    if (isIsoDate(periodText)) span = { day: dayNumber(periodText), days: 1 };
    else if (isPeriod(periodText)) span = { day: dayNumber(`${periodText}-01`), days: daysInMonth(periodText) };
    else problems.push(`period: expected a day like 2026-07-14 or a month like 2026-07, got ${shownValue(periodText)}`);
    const model = (cell('model') ?? '').trim() || context.options.model;
    if (model === undefined) problems.push('model: missing; expected a model id (or give --model)');
    const tier = (cell('tier') ?? '').trim() || 'standard';
    if (tier !== 'standard' && tier !== 'batch') problems.push(`tier: expected standard or batch, got ${shownValue(tier)}`);
    const overText = (cell('prompt_over') ?? '').trim();
    const promptOver = overText === '' ? undefined : /^\d{1,12}$/.test(overText) ? Number(overText) : NaN;
    if (Number.isNaN(promptOver)) problems.push(`prompt_over: expected empty or a whole number of tokens, got ${shownValue(overText)}`);
    const sum = (column: string): bigint => {
      const text = (cell(column) ?? '').trim();
      if (text === '') return 0n;
      // 10^24 tokens is a billion times a year of the largest fleets
      if (/^\d{1,24}$/.test(text)) return BigInt(text);
      problems.push(`${column}: expected a whole number from 0 to 24 digits, got ${shownValue(text)}`);
      return 0n;
    };
    const [input, cachedInput, cacheWrite, cacheWrite1h, output, requests] = ['input_tokens', 'cached_input_tokens', 'cache_write_tokens', 'cache_write_1h_tokens', 'output_tokens', 'requests'].map(sum) as [bigint, bigint, bigint, bigint, bigint, bigint];
    if (cacheWrite1h > cacheWrite) problems.push(`cache_write_1h_tokens: ${cacheWrite1h} tokens kept an hour, more than the ${cacheWrite} written`);
    if (problems.length > 0) return bad(context, line, problems.join('; '));
    summary.records++;
    sink.addTotals(span!, model!, tier === 'batch', promptOver, { input, cachedInput, cacheWrite5m: cacheWrite - cacheWrite1h, cacheWrite1h, output, requests });
  });
}

/** Fields a layout reads when present: a log may leave them out (no cache columns, no ids). */
function optionalColumn(layout: UsageLayout, column: string): boolean {
  const required = [layout.fields.time, layout.fields.input ?? layout.fields.input_total, layout.fields.output, ...layout.mapped.map((field) => layout.fields[field])];
  return !required.some((columns) => columns?.split('+').includes(column));
}

async function readJsonl(context: FileContext): Promise<void> {
  const { layout } = context.options;
  const paths = new Map(Object.entries(layout.fields).map(([field, column]) => [field, column.split('+').map((part) => part.split('.'))]));
  const when = layout.requestWhen?.split('.');
  const read = recordReader(context);
  let lineNumber = 0;
  const parsed = (text: string) => {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return bad(context, lineNumber, `is not JSON: ${clipped(text.trim(), 60)}`);
    }
    if ((when !== undefined && valueAt(value, when) === undefined) || (layout.requestType !== undefined && valueAt(value, ['type']) !== layout.requestType)) {
      context.summary.passedOver++;
      return;
    }
    read((field) => {
      const parts = paths.get(field);
      if (parts === undefined) return undefined;
      if (parts.length === 1) return valueAt(value, parts[0]!);
      // an id of several parts is an id only when the line has them all
      const values = parts.map((p) => valueAt(value, p));
      return values.some((v) => v === undefined || v === null || v === '') ? undefined : values.map(String).join('+');
    }, lineNumber);
  };
  // Claude Code's own layout, unchanged by --map: read from the lines' ends (claude-code-scan.ts)
  const scan = layout.name === 'claude-code' && layout.mapped.length === 0;
  const scanned = scannedRequest(context);
  const onLine = (buf: Buffer, start: number, end: number) => {
    lineNumber++;
    if (scan) {
      const line = scanClaudeCodeLine(buf, start, end);
      if (line.kind === 'other') {
        context.summary.passedOver++;
        return;
      }
      if (line.kind === 'request') {
        if (scanned(line, lineNumber)) return;
        const fields: Partial<Record<UsageField, unknown>> = {
          time: typeof line.time === 'number' ? new ReadTime(line.time) : line.time,
          model: line.model,
          input: line.input,
          cached: line.cached,
          cache_write: line.written,
          cache_write_1h: line.written1h,
          output: line.output,
          id: line.id,
        };
        return read((field) => fields[field], lineNumber);
      }
    }
    parsed(buf.toString('utf8', start, end));
  };
  try {
    await eachLine(chunksOf(context.file, context.shown), onLine, () => bad(context, lineNumber + 1, `is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; passed over`));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw streamProblem(context.shown, error);
  }
}

function valueAt(value: unknown, keys: readonly string[]): unknown {
  let node = value;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Turns a row's fields into a record, or a located bad record. `get` gives a field's raw value
 * (a CSV cell, a JSON value) or undefined where the log has none.
 */
function recordReader(context: FileContext): (get: (field: UsageField) => unknown, line: number) => void {
  const { layout, model: fallbackModel } = context.options;
  const { summary, seen, sink } = context;
  return (get, line) => {
    const problems: string[] = [];
    const timeText = get('time');
    const time =
      typeof timeText === 'string' ? parseTimestamp(timeText) : typeof timeText === 'number' ? parseTimestamp(String(timeText)) : timeText instanceof ReadTime ? timeInRange(timeText.ms) : undefined;
    if (time === undefined) problems.push(`${layout.fields.time}: expected a time such as 2026-07-14T09:12:33Z, got ${shownValue(timeText)}`);
    const count = (field: UsageField, required: boolean): number => {
      const raw = get(field);
      if (raw === undefined || raw === null || raw === '') {
        // a JSONL line without a path the user mapped: the map is wrong, or the line is
        if (required || (raw === undefined && layout.mapped.includes(field))) problems.push(`${layout.fields[field]}: missing; expected a whole number of tokens`);
        return 0;
      }
      // exports write counts as floats now and then ("3.0")
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+(\.0*)?\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > MAX_RECORD_TOKENS) {
        problems.push(`${layout.fields[field]}: expected a whole number from 0 to ${countText(MAX_RECORD_TOKENS)}, got ${shownValue(raw)}`);
        return 0;
      }
      return n;
    };
    const cached = count('cached', false);
    const cacheWrite = count('cache_write', false);
    const cacheWrite1h = count('cache_write_1h', false);
    const output = count('output', true);
    const requests = layout.fields.requests === undefined ? 1 : count('requests', true);
    let input: number;
    if (layout.fields.input !== undefined) input = count('input', true);
    else {
      const total = count('input_total', true);
      input = total - cached - cacheWrite;
      if (input < 0) problems.push(`${layout.fields.input_total}: ${total} input tokens in all, fewer than the ${cached + cacheWrite} cached and written`);
    }
    if (cacheWrite1h > cacheWrite) problems.push(`${layout.fields.cache_write_1h}: ${cacheWrite1h} tokens kept an hour, more than the ${cacheWrite} written`);
    const modelValue = get('model');
    const model = typeof modelValue === 'string' && modelValue.trim() !== '' ? modelValue.trim() : fallbackModel;
    if (model !== undefined && layout.notModels.includes(model)) {
      summary.passedOver++;
      return;
    }
    const batch = flag(get('batch'));
    if (batch === undefined) problems.push(`${layout.fields.batch}: expected true or false, got ${shownValue(get('batch'))}`);
    if (model === undefined) problems.push(layout.fields.model === undefined ? 'no model: the log names none, so give one with --model' : `${layout.fields.model}: missing; expected a model id (or give --model)`);
    else if (model.length > LIMITS.idLength) problems.push(`${layout.fields.model}: a model id of ${model.length} characters; ids have at most ${LIMITS.idLength}`);
    const bytes = (field: UsageField) => (layout.fields[field] === undefined ? undefined : count(field, false));
    const requestBytes = bytes('request_bytes');
    const responseBytes = bytes('response_bytes');
    if (problems.length > 0) return bad(context, line, problems.join('; '));
    if (layout.fields.id !== undefined) {
      const id = get('id');
      if (typeof id === 'string' && id.replace(/\+/g, '') !== '') {
        if (seen.has(id)) {
          summary.duplicates++;
          return;
        }
        seen.add(id);
      }
    }
    summary.records++;
    sink.add({ period: periodOf(time!), time: time!, model, input, cachedInput: cached, cacheWrite5m: cacheWrite - cacheWrite1h, cacheWrite1h, output, batch: batch!, requests, requestBytes, responseBytes });
  };
}

/**
 * A request the Claude Code scanner read, made into a record directly when it is good: the
 * checks of `recordReader` without its generality (most of a large replay's time). False when
 * anything is off, so that `recordReader` says what, in its own words.
 */
function scannedRequest(context: FileContext): (line: Extract<ClaudeCodeLine, { kind: 'request' }>, lineNumber: number) => boolean {
  const { layout } = context.options;
  const { summary, seen, sink } = context;
  return (line) => {
    const time = typeof line.time === 'number' ? timeInRange(line.time) : undefined;
    const written = line.written ?? 0;
    const written1h = line.written1h ?? 0;
    const cached = line.cached ?? 0;
    if (time === undefined || written1h > written || line.model === '' || line.model.trim() !== line.model || line.model.length > LIMITS.idLength) return false;
    if (line.input > MAX_RECORD_TOKENS || line.output > MAX_RECORD_TOKENS || cached > MAX_RECORD_TOKENS || written > MAX_RECORD_TOKENS) return false;
    if (layout.notModels.includes(line.model)) {
      summary.passedOver++;
      return true;
    }
    if (line.id !== undefined) {
      if (seen.has(line.id)) {
        summary.duplicates++;
        return true;
      }
      seen.add(line.id);
    }
    summary.records++;
    sink.add({ period: periodOf(time), time, model: line.model, input: line.input, cachedInput: cached, cacheWrite5m: written - written1h, cacheWrite1h: written1h, output: line.output, batch: false, requests: 1, requestBytes: undefined, responseBytes: undefined });
    return true;
  };
}

/** A time a reader has read already (claude-code-scan.ts), in ms. */
class ReadTime {
  constructor(readonly ms: number) {}
}

/** A yes/no cell: absent or empty is no. */
function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', '1', 'yes'].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  return undefined;
}

function shownValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'string' ? `"${clipped(value, 60)}"` : clipped(JSON.stringify(value) ?? String(value), 60);
}
