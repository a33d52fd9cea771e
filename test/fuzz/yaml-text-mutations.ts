/**
 * YAML-specific attacks on a scenario's text: alias bombs (billion laughs, through plain
 * aliases and merge keys), nesting thousands deep, several documents in one file, directives
 * and tags, tabs where YAML forbids them, keys that are objects or that JavaScript treats
 * specially (`__proto__`). Inserted at the top level, where the scenario format would read them.
 */
import { nestedLists, nestedMaps } from './hostile-values.js';
import type { TextMutation } from './text-mutations.js';

const utf8 = (bytes: Buffer) => bytes.toString('utf8');

/** `x-l0: &l0 [lol, lol, …]`, `x-l1: &l1 [*l0, *l0, …]`, …: each level multiplies the last. */
function billionLaughs(levels: number, width: number): string {
  const out = [`x-l0: &l0 [${Array.from({ length: width }, () => '"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) out.push(`x-l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  return out.join('\n');
}

/** A top-level key placed where it is read: replacing the value of an existing key, or added after the others. */
function setTopLevel(yaml: string, key: string, valueText: string): string {
  const line = new RegExp(`^${key}:.*$`, 'm');
  return line.test(yaml) ? yaml.replace(line, () => `${key}: ${valueText}`) : `${yaml.replace(/\n?$/, '\n')}${key}: ${valueText}\n`;
}

export const aliasBomb: TextMutation = (bytes, random) => {
  const levels = random.between(4, 10);
  const width = random.between(5, 10);
  const target = random.pick(['description', 'name', 'workloads', 'budgets', 'x-use']);
  const merge = random.chance(0.3);
  const bomb = billionLaughs(levels, width);
  const use = merge ? `{<<: [${Array.from({ length: width }, () => `*l${levels - 1}`).join(', ')}]}` : `*l${levels - 1}`;
  return { bytes: Buffer.from(`${bomb}\n${setTopLevel(utf8(bytes), target, use)}`), note: `alias bomb ${width}^${levels} at ${target}${merge ? ' through merge keys' : ''}` };
};

export const deepNesting: TextMutation = (bytes, random) => {
  const kind = random.pick(['flow lists', 'flow mappings', 'block lists', 'block mappings']);
  // block nesting indents every level, so its text grows with the square of the depth
  const depth = kind.startsWith('block') ? random.pick([200, 1000]) : random.pick([1000, 5000, 20_000]);
  const target = random.pick(['x-deep', 'description', 'workloads', 'horizon']);
  let value: string;
  if (kind === 'flow lists') value = nestedLists(depth);
  else if (kind === 'flow mappings') value = nestedMaps(depth);
  else if (kind === 'block lists') value = `\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2 + 2)}-`).join('\n')} x`;
  else value = `\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x`;
  return { bytes: Buffer.from(setTopLevel(utf8(bytes), target, value)), note: `${kind} nested ${depth} deep at ${target}` };
};

export const multipleDocuments: TextMutation = (bytes, random) => {
  const other = random.pick(['name: second\n', '', '--- !!str text\n', '[1, 2]\n']);
  return { bytes: Buffer.from(`${utf8(bytes)}\n---\n${other}`), note: `a second document ${JSON.stringify(other)}` };
};

export const directive: TextMutation = (bytes, random) => {
  const head = random.pick(['%YAML 1.1\n---\n', '%YAML 1.2\n---\n', '%YAML 2.0\n---\n', '%TAG ! tag:evil.example,2026:\n---\n', '%FOO bar\n---\n', '--- !!map\n', '--- !custom\n', '--- |\n']);
  return { bytes: Buffer.from(`${head}${utf8(bytes)}`), note: `starts with ${JSON.stringify(head)}` };
};

export const tabIndent: TextMutation = (bytes, random) => {
  const lines = utf8(bytes).split('\n');
  const indented = lines.flatMap((l, i) => (/^ +\S/.test(l) ? [i] : []));
  if (indented.length === 0) return { bytes, note: 'no indented line for a tab' };
  const i = random.pick(indented);
  lines[i] = lines[i]!.replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length / 2)));
  return { bytes: Buffer.from(lines.join('\n')), note: `tabs indent line ${i + 1}` };
};

export const specialKey: TextMutation = (bytes, random) => {
  const key = random.pick([
    '__proto__: {name: polluted}',
    '__proto__:\n  polluted: true',
    'constructor: {prototype: {polluted: true}}',
    '? [complex, key]\n: value',
    '? {a: 1}\n: value',
    '[1, 2]: list key',
    '1: numeric key',
    '~: null key',
    'null: null key',
    'true: bool key',
    '!!binary aGVsbG8=: tagged key',
    '"": empty key',
    '<<: {name: merged}',
    '<<: *missing',
    '<<: [1, 2]',
    '&k name: anchored key',
    'name: &n first\nx-copy: *n',
    'description: !!js/undefined',
    '"name": "json style"',
    "'name': quoted duplicate",
  ]);
  const at = random.chance(0.5) ? 'start' : 'end';
  const text = utf8(bytes);
  return { bytes: Buffer.from(at === 'start' ? `${key}\n${text}` : `${text.replace(/\n?$/, '\n')}${key}\n`), note: `top-level ${JSON.stringify(key)} at the ${at}` };
};

export const manyKeys: TextMutation = (bytes, random) => {
  // 20,000 keys take seconds (a quadratic duplicate-key check), close enough to the hang
  // limit to make a case pass or fail with the machine's load; 3,000 stays well clear
  const count = random.pick([1000, 3000]);
  const block = Array.from({ length: count }, (_, i) => `  k${i}: ${i}`).join('\n');
  return { bytes: Buffer.from(`x-many:\n${block}\n${utf8(bytes)}`), note: `${count} keys under x-many` };
};

export const YAML_TEXT_MUTATIONS: readonly (readonly [number, TextMutation])[] = [
  [3, aliasBomb],
  [3, deepNesting],
  [1, multipleDocuments],
  [1, directive],
  [1, tabIndent],
  [3, specialKey],
  [0.5, manyKeys],
];
