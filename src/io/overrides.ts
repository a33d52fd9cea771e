/**
 * `--set path=value`: a what-if without editing the file. Each override is applied to the
 * scenario's data before validation, so a bad value is reported like one in the file, at its
 * path, and credited to the `--set` that made it:
 *
 *   --set workloads.0.growth=6%                    by index, in yargs-parser's dotted form
 *   --set 'workloads[0].growth=6%'                 as error messages write paths
 *   --set workloads.support-agent.growth=6%        a list entry by its id
 *   --set 'options.aws.model={cloud: aws, region: us-east-1, deployment: in-region}'
 *
 * The value is read as YAML, like the file: `6%`, `2M` and `0.04` stay text for the schema to
 * parse exactly, `false` is a boolean, `[aws, azure]` a list. `__proto__`, `constructor` and
 * `prototype` are refused anywhere in a path.
 */
import yargsParser from 'yargs-parser';
import { formatPath, type Diagnostic, type PathSegment } from '../model/diagnostic.js';
import { readYaml } from './yaml-document.js';

/** An override as applied: its argument (for messages) and the path it set, indices resolved. */
export interface AppliedOverride {
  arg: string;
  path: PathSegment[];
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
    else applied.push({ arg, path: set.path });
  }
  return { applied, problems };
}

/** `workloads[0].growth=6%` → keys ['workloads', '0', 'growth'] and the value's text. */
function parseOverride(arg: string): { keys: string[]; valueText: string } | { problem: string } {
  const equals = arg.indexOf('=');
  if (equals <= 0) return { problem: 'expected path=value, such as workloads.0.growth=6%' };
  const pathText = arg.slice(0, equals).replace(/\[(\d+)\]/g, '.$1');
  const keys = pathText.split('.');
  if (keys.some((key) => key === '')) return { problem: `"${arg.slice(0, equals)}" is not a path; expected keys joined by dots, such as workloads.0.growth` };
  const forbidden = keys.find((key) => FORBIDDEN.has(key));
  if (forbidden !== undefined) return { problem: `"${forbidden}" cannot be part of a path` };
  // yargs-parser reads the dotted form into nested objects; walking them back gives the keys as it read them
  const parsed = yargsParser([`--${pathText}=${arg.slice(equals + 1)}`], PARSER_OPTIONS) as Record<string, unknown>;
  let node: unknown = parsed;
  const read: string[] = [];
  while (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const entries = Object.entries(node).filter(([key]) => key !== '_');
    if (entries.length !== 1) break;
    read.push(entries[0]![0]);
    node = entries[0]![1];
  }
  if (typeof node !== 'string' || read.join('.') !== keys.join('.')) return { problem: `cannot read "${arg}" as path=value` };
  return { keys: read, valueText: node };
}

/** Sets `value` at `keys`, creating mappings on the way; a list entry is found by index or by id. */
function setAt(data: Record<string, unknown>, keys: readonly string[], value: unknown): { path: PathSegment[] } | { problem: string } {
  const path: PathSegment[] = [];
  let node: unknown = data;
  for (const [i, key] of keys.entries()) {
    const last = i === keys.length - 1;
    const shown = path.length === 0 ? 'the scenario' : formatPath(path);
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(key) ? Number(key) : node.findIndex((entry) => typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === key);
      if (index < 0 || index >= node.length) {
        const ids = node.flatMap((entry) => (typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' ? [(entry as { id: string }).id] : []));
        return { problem: `${shown} has no entry ${key}; it has ${node.length} (${ids.length > 0 ? `ids ${ids.join(', ')}` : `0 to ${node.length - 1}`})` };
      }
      path.push(index);
      if (last) node[index] = value;
      else node = node[index];
    } else if (typeof node === 'object' && node !== null) {
      const mapping = node as Record<string, unknown>;
      path.push(key);
      if (last) mapping[key] = value;
      else {
        if (mapping[key] === undefined || mapping[key] === null) mapping[key] = {};
        node = mapping[key];
      }
    } else {
      return { problem: `${shown} is ${JSON.stringify(node)}, not a mapping or list, so it has no "${key}"` };
    }
  }
  return { path };
}

/** Whether `path` lies at or under what an override set, so a problem there is the override's. */
export function setBy(applied: readonly AppliedOverride[], path: readonly PathSegment[]): AppliedOverride | undefined {
  return [...applied].reverse().find((o) => o.path.length <= path.length && o.path.every((segment, i) => String(segment) === String(path[i])));
}
