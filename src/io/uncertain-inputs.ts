/**
 * Inputs given as distributions instead of one value, found in a scenario's data before the
 * schema reads it:
 *
 *   growth: { triangular: [2%, 4%, 8%] }
 *   sessions_per_month: { pert: [150k, 250k, 400k], driver: demand }
 *   cached_share: { normal: { mean: 60%, sd: 10% } }
 *
 * Each is checked (its numbers read as the field reads them, in order, inside the field's range)
 * and replaced by its single value — the mode of a triangular or PERT, the mean of the others —
 * so every command reads the scenario as before; the list of them says what a simulation may
 * draw, in each field's own unit (a share as a fraction, a size in bytes, a duration in days).
 * Inputs naming the same `driver` move together.
 */
import * as z from 'zod';
import { formatPath, type Diagnostic, type PathSegment } from '../model/diagnostic.js';
import { DISTRIBUTION_KINDS, type Bounds, type Distribution, type DistributionKind } from '../model/distribution.js';
import { uncertainFieldOf, type UncertainField } from '../model/fields.js';
import { dec, type Decimal } from '../model/money.js';
import { quoted } from '../model/safe-text.js';
import type { Where } from './yaml-document.js';

export interface UncertainInput {
  path: PathSegment[];
  distribution: Distribution;
  driver: string | undefined;
  bounds: Bounds;
  /** How the field writes a value (a share as 5%, a size in bytes): to set one drawn or chosen. */
  kind: UncertainField['kind'];
}

const KEYS = new Set<string>([...DISTRIBUTION_KINDS, 'driver']);
const DRIVER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Finds the distributions in `data` (changed in place to their single values), or what is wrong with them. */
export function extractUncertain(data: unknown, schema: z.ZodType, where: Where): { inputs: UncertainInput[]; problems: Diagnostic[] } {
  const inputs: UncertainInput[] = [];
  const problems: Diagnostic[] = [];
  // guided by the schema: only where a field can be is looked at, so hostile nesting costs nothing
  const visit = (value: unknown, node: z.ZodType | undefined, path: PathSegment[], replace: (text: string) => void) => {
    if (node === undefined) return;
    if (Array.isArray(value)) {
      if (!(node instanceof z.ZodArray)) return;
      const element = unwrap(node.element as z.ZodType);
      value.forEach((item, i) => visit(item, element, [...path, i], (text) => (value[i] = text)));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const kinds = Object.keys(record).filter((k) => (DISTRIBUTION_KINDS as readonly string[]).includes(k));
    if (kinds.length > 0) {
      const field = uncertainFieldOf(node);
      const problem = (message: string, at: PathSegment[] = path): void => void problems.push({ ...where(at), path: at, message });
      if (field === undefined) return problem(`takes one value here, not a distribution (${kinds[0]})`);
      const read = readDistribution(record, field, path, problem);
      if (read === undefined) return;
      inputs.push({ path, distribution: read.distribution, driver: read.driver, bounds: { min: field.min?.toNumber(), max: field.max?.toNumber() }, kind: field.kind });
      replace(read.point);
      return;
    }
    if (!(node instanceof z.ZodObject)) return;
    const shape = node.shape as Record<string, z.ZodType>;
    for (const [key, child] of Object.entries(record)) {
      if (!Object.hasOwn(shape, key)) continue;
      visit(child, unwrap(shape[key]!), [...path, key], (text) => (record[key] = text));
    }
  };
  visit(data, unwrap(schema), [], () => undefined);
  return { inputs, problems };
}

/** A distribution's numbers as its field reads them, checked; and the single value to use without drawing. */
function readDistribution(
  record: Record<string, unknown>,
  field: UncertainField,
  path: PathSegment[],
  problem: (message: string, at?: PathSegment[]) => void,
): { distribution: Distribution; driver: string | undefined; point: string } | undefined {
  const unknown = Object.keys(record).filter((k) => !KEYS.has(k));
  const kinds = Object.keys(record).filter((k) => (DISTRIBUTION_KINDS as readonly string[]).includes(k)) as DistributionKind[];
  if (unknown.length > 0 || kinds.length > 1) {
    problem(`a distribution is one of ${DISTRIBUTION_KINDS.join(', ')}, with an optional driver; got ${[...unknown, ...kinds.slice(1)].map((k) => quoted(k)).join(', ')} beside ${kinds[0]}`);
    return undefined;
  }
  const kind = kinds[0]!;
  const driver = record.driver;
  if (driver !== undefined && (typeof driver !== 'string' || !DRIVER.test(driver))) {
    problem(`expected a driver name made of letters, digits, ".", "_" or "-", got ${quoted(String(driver))}`, [...path, 'driver']);
    return undefined;
  }
  const at = [...path, kind];
  const number = (text: unknown, where: PathSegment[]): Decimal | undefined => {
    const value = typeof text === 'string' || typeof text === 'number' ? field.parse(String(text).trim()) : undefined;
    if (value === undefined) problem(`expected ${describeKind(field)}, got ${quoted(String(text ?? 'nothing'))}`, where);
    else if (!value.isFinite()) problem(`${quoted(String(text))} is not a finite number`, where);
    return value;
  };
  const inRange = (value: Decimal, text: unknown, where: PathSegment[]) => {
    if ((field.min !== undefined && value.lt(field.min)) || (field.max !== undefined && value.gt(field.max))) {
      problem(`${quoted(String(text))} is outside what the field takes (${[field.min === undefined ? '' : `at least ${shown(field, field.min)}`, field.max === undefined ? '' : `at most ${shown(field, field.max)}`].filter(Boolean).join(', ')})`, where);
      return false;
    }
    return true;
  };
  const spec = record[kind];
  if (kind === 'triangular' || kind === 'pert' || kind === 'uniform') {
    const count = kind === 'uniform' ? 2 : 3;
    if (!Array.isArray(spec) || spec.length !== count) {
      problem(`expected ${count === 3 ? '[min, mode, max]' : '[min, max]'}, got ${Array.isArray(spec) ? `${spec.length} values` : quoted(String(spec))}`, at);
      return undefined;
    }
    const values = spec.map((text, i) => number(text, [...at, i]));
    if (values.some((v) => v === undefined)) return undefined;
    const [lo, mid, hi] = values as Decimal[];
    if (!values.every((v, i) => inRange(v!, spec[i], [...at, i]))) return undefined;
    const top = kind === 'uniform' ? mid! : hi!;
    if (kind !== 'uniform' && (mid!.lt(lo!) || mid!.gt(top))) {
      problem(`the mode ${quoted(String(spec[1]))} must lie between min and max`, [...at, 1]);
      return undefined;
    }
    if (top.lt(lo!)) {
      problem(`max ${quoted(String(spec[count - 1]))} is below min ${quoted(String(spec[0]))}`, [...at, count - 1]);
      return undefined;
    }
    if (kind === 'uniform') return { distribution: { kind, min: lo!.toNumber(), max: top.toNumber() }, driver, point: written(field, lo!.plus(top).div(2)) };
    return { distribution: { kind, min: lo!.toNumber(), mode: mid!.toNumber(), max: top.toNumber() }, driver, point: String(spec[1]) };
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec) || Object.keys(spec).some((k) => k !== 'mean' && k !== 'sd') || !('mean' in spec) || !('sd' in spec)) {
    problem('expected { mean, sd }', at);
    return undefined;
  }
  const { mean: meanText, sd: sdText } = spec as { mean: unknown; sd: unknown };
  const mean = number(meanText, [...at, 'mean']);
  const sd = number(sdText, [...at, 'sd']);
  if (mean === undefined || sd === undefined || !inRange(mean, meanText, [...at, 'mean'])) return undefined;
  if (sd.lt(0)) {
    problem(`sd ${quoted(String(sdText))} must not be negative`, [...at, 'sd']);
    return undefined;
  }
  if (kind === 'lognormal' && mean.lte(0)) {
    problem(`a lognormal's mean must be above 0, got ${quoted(String(meanText))}`, [...at, 'mean']);
    return undefined;
  }
  return { distribution: { kind, mean: mean.toNumber(), sd: sd.toNumber() }, driver, point: String(meanText) };
}

/** A value written back as the field reads it: 0.05 as "5%", 24576 bytes as "24576B", 7.5 days as "7.5d". */
export function written(field: Pick<UncertainField, 'kind'>, value: Decimal): string {
  switch (field.kind) {
    case 'percent':
      return `${value.times(100).toFixed()}%`;
    case 'bytes':
      return `${value.toFixed()}B`;
    case 'duration':
      return `${value.toFixed()}d`;
    case 'count':
      return value.toFixed();
  }
}

const shown = (field: UncertainField, value: Decimal) => (field.kind === 'percent' ? `${value.times(100).toFixed()}%` : value.toFixed());

function describeKind(field: UncertainField): string {
  return { percent: 'a percentage like 4%', bytes: 'a size like 24KiB', duration: 'a duration like 30d', count: 'a quantity like 250k' }[field.kind];
}

/** Looks through optional, default and refinement wrappers to the node that reads a value. */
function unwrap(schema: z.ZodType): z.ZodType | undefined {
  let current: z.ZodType = schema;
  for (let i = 0; i < 20; i++) {
    if (uncertainFieldOf(current) !== undefined) return current;
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    else return current;
  }
  return current;
}

/** How reports name the inputs read at one value: `workloads[0].growth (triangular)`. */
export function pointValuesOf(inputs: readonly UncertainInput[]): string[] {
  return inputs.map((input) => `${formatPath(input.path)} (${input.distribution.kind})`);
}

/** An input's path as `--set` reads it: `workloads.0.growth`. */
export function settablePath(input: UncertainInput): string {
  return input.path.join('.');
}

/** A drawn or chosen number as its field writes it (a number's shortest text is its decimal). */
export function writtenNumber(input: Pick<UncertainInput, 'kind'>, value: number): string {
  return written(input, dec(String(value)));
}
