/**
 * `--set path=value`: a what-if without editing the file. Each override is applied to the
 * scenario's data before validation, so a bad value is reported like one in the file, at its
 * path, and credited to the `--set` that made it:
 *
 *   --set workloads.0.growth=6%                    by index, in yargs-parser's dotted form
 *   --set 'workloads[0].growth=6%'                 as error messages write paths
 *   --set workloads.support-agent.growth=6%        a list entry by its id (a budget by its name)
 *   --set 'options.aws.model={cloud: aws, region: us-east-1, deployment: in-region}'
 *   --set 'budgets.2={name: cap, per: month, limit: 1k}'   the index one past the end appends
 *
 * The value is read as YAML, like the file: `6%`, `2M` and `0.04` stay text for the schema to
 * parse exactly, `false` is a boolean, `[aws, azure]` a list, `"true"` text. `__proto__`,
 * `constructor` and `prototype` are refused anywhere in a path.
 */
import yargsParser from 'yargs-parser';
import { formatPath, type Diagnostic, type PathSegment } from '../model/diagnostic.js';
import { readYaml } from './yaml-document.js';

/** An override as applied: its argument (for messages) and the path it set, indices resolved. */
export interface AppliedOverride {
  arg: string;
  path: PathSegment[];
  /** The first key (or list entry) it had to create, if any: `--set n.a=1` creates `n`. */
  created?: PathSegment[] | undefined;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const PARSER_OPTIONS: yargsParser.Options = {
  configuration: {
    'parse-numbers': false,
    'parse-positional-numbers': false,
    'camel-case-expansion': false,
    'boolean-negation': false,
    'dot-notation': true,
    'duplicate-arguments-array': false,
  },
};

/** Applies each override in order to `data` (changed in place); returns what was applied and every problem. */
export function applyOverrides(data: Record<string, unknown>, args: readonly string[]): { applied: AppliedOverride[]; problems: Diagnostic[] } {
  const applied: AppliedOverride[] = [];
  const problems: Diagnostic[] = [];
  for (const arg of args) {
    const file = `--set ${arg}`;
    const parsed = parseOverride(arg);
    if ('problem' in parsed) {
      problems.push({ file, message: parsed.problem });
      continue;
    }
    const value = readYaml(parsed.valueText, file);
    if (value.errors.length > 0) {
      problems.push({ file, message: `the value is not valid YAML: ${value.errors[0]!.message}` });
      continue;
    }
    const set = setAt(data, parsed.keys, value.data ?? null);
    if ('problem' in set) problems.push({ file, message: set.problem });
    else applied.push({ arg, ...set });
  }
  return { applied, problems };
}

/** `workloads[0].growth=6%` → keys ['workloads', '0', 'growth'] and the value's text, as given. */
function parseOverride(arg: string): { keys: readonly string[]; valueText: string } | { problem: string } {
  const equals = arg.indexOf('=');
  if (equals <= 0) return { problem: 'expected path=value, such as workloads.0.growth=6%' };
  const pathText = arg.slice(0, equals).replace(/\[(\d+)\]/g, '.$1');
  const keys = pathText.split('.');
  if (keys.some((key) => key === '')) return { problem: `"${arg.slice(0, equals)}" is not a path; expected keys joined by dots, such as workloads.0.growth` };
  const forbidden = keys.find((key) => FORBIDDEN.has(key));
  if (forbidden !== undefined) return { problem: `"${forbidden}" cannot be part of a path` };
  if (keys[0]!.startsWith('x-')) return { problem: `"${keys[0]}" is one of the file's own keys, which cloudtco ignores; set the value where it is used instead` };
  // yargs-parser reads the dotted form into nested objects; walking them back gives the keys as it
  // read them. The value is taken as given: yargs-parser would strip the quotes that keep "true" text.
  const read = keysRead(pathText);
  if (read.join('.') !== keys.join('.')) return { problem: `cannot read "${arg}" as path=value` };
  return { keys: read, valueText: arg.slice(equals + 1) };
}

/** Paths read so far: a sweep sets one path a hundred times, to a new value each time. */
const pathsRead = new Map<string, string[]>();

function keysRead(pathText: string): readonly string[] {
  let read = pathsRead.get(pathText);
  if (read !== undefined) return read;
  const parsed = yargsParser([`--${pathText}=`], PARSER_OPTIONS) as Record<string, unknown>;
  let node: unknown = parsed;
  read = [];
  while (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const entries = Object.entries(node).filter(([key]) => key !== '_');
    if (entries.length !== 1) break;
    read.push(entries[0]![0]);
    node = entries[0]![1];
  }
  if (pathsRead.size < 1000) pathsRead.set(pathText, read);
  return read;
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How a list entry can be named: by index, by its id, or (budgets) by its name. */
function entryIndex(list: unknown[], key: string): number {
  if (/^\d+$/.test(key)) return Number(key);
  return list.findIndex((entry) => isMapping(entry) && (entry.id === key || entry.name === key));
}

/**
 * Sets `value` at `keys`, creating mappings on the way; a list entry is found by index, id or
 * name, and the index one past the end appends. Each container on the way is copied first:
 * YAML aliases share nodes, and a what-if for one workload must not change another.
 */
function setAt(data: Record<string, unknown>, keys: readonly string[], value: unknown): { path: PathSegment[]; created: PathSegment[] | undefined } | { problem: string } {
  const path: PathSegment[] = [];
  let created: PathSegment[] | undefined;
  let node: unknown = data;
  for (const [i, key] of keys.entries()) {
    const last = i === keys.length - 1;
    const shown = path.length === 0 ? 'the scenario' : formatPath(path);
    let child: unknown;
    const put = (container: Record<string, unknown> | unknown[], at: string | number, next: unknown) => ((container as Record<string | number, unknown>)[at] = next);
    if (Array.isArray(node)) {
      const index = entryIndex(node, key);
      if (index < 0 || index > node.length) {
        const names = node.flatMap((entry) => (isMapping(entry) && typeof (entry.id ?? entry.name) === 'string' ? [String(entry.id ?? entry.name)] : []));
        return { problem: `${shown} has no entry ${key}; it has ${node.length} (${names.length > 0 ? names.join(', ') : `0 to ${node.length - 1}`}), and ${node.length} would add one` };
      }
      path.push(index);
      if (index === node.length) created ??= [...path];
      child = node[index];
      if (last) put(node, index, value);
      else put(node, index, (child = copyOf(child)));
    } else if (isMapping(node)) {
      path.push(key);
      child = Object.hasOwn(node, key) ? node[key] : undefined;
      if (child === undefined || child === null) created ??= [...path];
      if (last) put(node, key, value);
      else put(node, key, (child = child === undefined || child === null ? {} : copyOf(child)));
    } else {
      return { problem: `${shown} is ${JSON.stringify(node)}, not a mapping or list, so it has no "${key}"` };
    }
    node = child;
  }
  return { path, created };
}

function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  return isMapping(value) ? { ...value } : value;
}

/**
 * The override a problem at `path` is owed to: one that set that path or above it, created the
 * key it names, or set something inside the entry it names (an option whose new region has no
 * price is reported at the option's model). Top-level lists are too broad to blame.
 */
export function setBy(applied: readonly AppliedOverride[], path: readonly PathSegment[]): AppliedOverride | undefined {
  const within = (outer: readonly PathSegment[], inner: readonly PathSegment[]) => outer.length <= inner.length && outer.every((segment, i) => String(segment) === String(inner[i]));
  return [...applied].reverse().find((o) => within(o.path, path) || (o.created !== undefined && within(o.created, path)) || (path.length >= 2 && within(path, o.path)));
}
