/**
 * zod field types shared by the scenario and catalog schemas. Each takes text (a CSV cell, or a
 * YAML scalar's source text, so numbers never pass through a JS float) and yields a typed value,
 * or an issue whose message says what was expected and what was found:
 *
 *   expected a quantity like 2M, got "lots"
 */
import * as z from 'zod';
import { suggestion } from './did-you-mean.js';
import { LIMITS } from './limits.js';
import { type Decimal, dec } from './money.js';
import { isIsoDate, isPeriod } from './period.js';
import { outOfRange, parseBytes, parseCount, parseDuration, parsePercent, parsePrice } from './quantity.js';
import { quoted } from './safe-text.js';

/** How a found value reads in a message: `"lots"`, `true`, `a list`, `nothing`; long text cut short. */
export function describe(input: unknown): string {
  if (input === undefined || input === null || input === '') return 'nothing';
  if (typeof input === 'string') return quoted(input);
  if (Array.isArray(input)) return 'a list';
  if (input instanceof Uint8Array) return 'binary data';
  if (typeof input === 'object') return 'a mapping';
  return String(input);
}

/** A string field whose wrong-type message names what was expected. */
function textInput(expected: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `required; expected ${expected}` : `expected ${expected}, got ${describe(issue.input)}`) });
}

/**
 * What an editor's JSON Schema says of a field (see scenario-json-schema.ts): YAML numbers are
 * accepted where the field reads them (`months: 12`), and simple patterns are checked as you type.
 */
export interface JsonHint {
  numeric?: boolean;
  pattern?: string;
  enum?: readonly string[];
  /** The field may be a distribution instead of one value (model/distribution.ts). */
  uncertain?: boolean;
}

/** How an uncertain field's values are written and read: the parser of its kind, and its range. */
export interface UncertainField {
  kind: 'count' | 'bytes' | 'duration' | 'percent';
  parse: (text: string) => Decimal | undefined;
  min: Decimal | undefined;
  max: Decimal | undefined;
}

const UNCERTAIN_FIELDS = new WeakMap<z.ZodType, UncertainField>();

/** The uncertain field a schema node reads, if it is one (wrappers such as optional looked through by the caller). */
export function uncertainFieldOf(schema: z.ZodType): UncertainField | undefined {
  return UNCERTAIN_FIELDS.get(schema);
}

/** A quantity field that may also be a distribution: whole-number fields (months, ports) may not. */
function uncertain<T extends z.ZodType>(schema: T, field: UncertainField): T {
  UNCERTAIN_FIELDS.set(schema, field);
  return schema;
}

const rangeOf = (range: Range) => ({ min: range.min === undefined ? undefined : dec(range.min), max: range.max === undefined ? undefined : dec(range.max) });

/** A field parsed from text by `parse`; undefined from the parser means "not accepted". */
function parsed<T>(expected: string, parse: (text: string) => T | undefined, check?: (value: T, text: string) => string | undefined, hint: JsonHint = {}) {
  return textInput(expected).meta({ description: expected, ...hint }).transform((text, ctx) => {
    const trimmed = text.trim();
    const value = trimmed === '' ? undefined : parse(trimmed);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected ${expected}, got ${describe(text)}` });
      return z.NEVER;
    }
    const problem = check?.(value, trimmed);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return value;
  });
}

interface Range {
  min?: string;
  max?: string;
  integer?: boolean;
}

/** A number within NUMBER_LIMITS, checked before anything prints it. */
function bounded(value: Decimal, text: string): string | undefined {
  const problem = outOfRange(value);
  return problem === undefined ? undefined : `${quoted(text)} ${problem}`;
}

function rangeCheck(what: string, range: Range, shown: (d: Decimal) => string) {
  return (value: Decimal, text: string): string | undefined => {
    const unbounded = bounded(value, text);
    if (unbounded !== undefined) return unbounded;
    if (range.integer && !value.isInteger()) return `expected a whole number of ${what}, got ${shown(value)}`;
    if (range.min !== undefined && value.lt(range.min)) return `must be at least ${shown(dec(range.min))}, got ${shown(value)}`;
    if (range.max !== undefined && value.gt(range.max)) return `must be at most ${shown(dec(range.max))}, got ${shown(value)}`;
    return undefined;
  };
}

/** A count with an optional k/M/B/T suffix: `2M`, `3.5k`, `6`. */
export function count(what: string, example: string, range: Range = { min: '0' }) {
  const field = parsed(`a quantity like ${example}`, parseCount, rangeCheck(what, range, (d) => d.toFixed()), { numeric: true, ...(range.integer ? {} : { uncertain: true }) });
  return range.integer ? field : uncertain(field, { kind: 'count', parse: parseCount, ...rangeOf(range) });
}

/** A size in bytes with a unit: `48KiB`, `1.5GB`. */
export function bytes(example = '48KiB', range: Range = { min: '0' }) {
  return uncertain(parsed(`a size like ${example}`, parseBytes, rangeCheck('bytes', range, (d) => `${d.toFixed()} bytes`), { numeric: true, uncertain: true }), { kind: 'bytes', parse: parseBytes, ...rangeOf(range) });
}

/** A duration in days, hours or weeks: `30d`. Yields days. */
export function duration(example = '30d') {
  return uncertain(parsed(`a duration like ${example}`, parseDuration, rangeCheck('days', { min: '0' }, (d) => `${d.toFixed()} days`), { uncertain: true }), { kind: 'duration', parse: parseDuration, min: dec('0'), max: undefined });
}

/** true or false. */
export function flag() {
  return z.boolean({ error: (issue) => `expected true or false, got ${describe(issue.input)}` });
}

/** A percentage with its % sign: `4%`. Yields the fraction (0.04). */
export function percent(example: string, range: Range = { min: '0', max: '1' }) {
  return uncertain(parsed(`a percentage like ${example}`, parsePercent, rangeCheck('percent', range, (d) => `${d.times(100).toFixed()}%`), { pattern: '%\\s*$', uncertain: true }), { kind: 'percent', parse: parsePercent, ...rangeOf(range) });
}

/** A non-negative decimal price such as `2.50`. */
export function price() {
  return parsed('a price like 2.50', parsePrice, bounded, { numeric: true });
}

export function period(example = '2027-01') {
  return parsed(`a month like ${example}`, (t) => (isPeriod(t) ? t : undefined), undefined, { pattern: '^\\s*\\d{4}-(0[1-9]|1[0-2])\\s*$' });
}

export function isoDate(example = '2026-07-30') {
  return parsed(`a date like ${example}`, (t) => (isIsoDate(t) ? t : undefined), undefined, { pattern: '^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$' });
}

export function url() {
  // characters no URL holds unescaped (RFC 3986), control characters among them: a source is shown in tables
  return parsed('an http(s) URL', (t) => (/^https?:\/\/[^\s"<>\\^`{|}\u0000-\u001f\u007f-\u009f]+$/.test(t.trim()) ? t.trim() : undefined));
}

/**
 * A name used as an id: letters, digits, `.`, `_`, `-`; starts with a letter or digit. `also`
 * names other words the field takes, such as `(shared)` for a budget's workload.
 */
export function id(what: string, also: readonly string[] = []) {
  const tooLong = (t: string) => (t.length > LIMITS.idLength ? `${quoted(t)} is too long for ${what}: at most ${LIMITS.idLength} characters` : undefined);
  const word = '[A-Za-z0-9][A-Za-z0-9._-]*';
  const alternatives = also.length === 0 ? word : `(${[word, ...also.map((a) => a.replace(/[()]/g, '\\$&'))].join('|')})`;
  const accepted = new RegExp(`^${alternatives}$`);
  const expected = `${what} made of letters, digits, ".", "_" or "-"${also.length === 0 ? '' : `, or ${also.join(', ')}`}`;
  return parsed(expected, (t) => (accepted.test(t) ? t : undefined), tooLong, { numeric: true, pattern: `^\\s*${alternatives}\\s*$` });
}

/** Text matching a pattern, e.g. a currency code. */
export function matching(expected: string, pattern: RegExp) {
  return parsed(expected, (t) => (pattern.test(t) ? t : undefined), undefined, { pattern: pattern.source });
}

export function currency() {
  return matching('a three-letter currency code such as USD', /^[A-Z]{3}$/);
}

/** A catalog region: a region id, or `*` for every region of the cloud. */
export function region() {
  return matching('a region such as eastus2, or * for every region', /^(\*|[A-Za-z0-9][A-Za-z0-9._-]*)$/);
}

/** An optional field: absent or empty text means undefined. */
export function optional<T extends z.ZodType>(field: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), field.optional());
}

export function text(what: string) {
  return parsed(what, (t) => t.trim(), undefined, { numeric: true });
}

/** One of a fixed set of words, with a did-you-mean for typos. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, note = '') {
  const known = new Set<string>(values);
  const list = values.join(', ') + note;
  return textInput(`one of ${list}`).meta({ description: `one of ${list}`, enum: values }).transform((text, ctx) => {
    const word = text.trim();
    if (known.has(word)) return word as T[number];
    ctx.addIssue({ code: 'custom', message: `expected one of ${list}, got ${describe(text)}${suggestion(word, values)}` });
    return z.NEVER;
  });
}
