/**
 * `--set path=value` arguments: real paths of the scenario (by index, as messages write them,
 * or by id) with hostile or edge values, and malformed arguments — no `=`, empty keys, huge or
 * negative indices, paths through scalars, `__proto__`, values that are YAML bombs.
 */
import { allPaths, getAt, isContainer, isMapping, meaningOf, type TreePath } from './data-tree.js';
import { extremeValueFor } from './extreme-values.js';
import { Raw, exponentBomb, hostileDateText, hostileNumberText, hostileQuantityText, hostileString, hostileStructureText, nestedLists } from './hostile-values.js';
import type { Random } from './random.js';

/** A path as `--set` reads it: dotted indices, `[i]`, or a list entry by its id (or a budget by its name). */
function pathArgument(data: unknown, path: TreePath, random: Random): string {
  const style = random.weighted([[3, 'dotted'], [2, 'brackets'], [2, 'ids']] as const);
  return path
    .map((key, i) => {
      if (typeof key === 'string') return i === 0 ? key : `.${key}`;
      const entry = getAt(data, path.slice(0, i + 1));
      const name = isMapping(entry) ? (entry.id ?? entry.name) : undefined;
      if (style === 'ids' && typeof name === 'string') return `.${name}`;
      return style === 'brackets' ? `[${key}]` : `.${key}`;
    })
    .join('');
}

function hostileValueText(random: Random): string {
  return random.weighted<() => string>([
    [4, () => hostileNumberText(random)],
    [4, () => hostileQuantityText(random)],
    [2, () => hostileDateText(random)],
    [3, () => hostileStructureText(random)],
    [3, () => hostileString(random)],
    [0.2, () => exponentBomb(random)],
    [1, () => `[${Array.from({ length: 9 }, (_, i) => `&a${i} [${i === 0 ? '1, 1, 1, 1, 1, 1, 1, 1' : Array.from({ length: 8 }, () => `*a${i - 1}`).join(', ')}]`).join(', ')}]`],
    [1, () => random.pick(['"unterminated', '[1, 2', '{a: ', 'a: b: c', '- x\n- y', '@reserved', '`backtick', '%directive', '? complex', '!!binary', '*undefined'])],
  ])();
}

const MALFORMED = (random: Random): string =>
  random.pick([
    '=5',
    'noequals',
    'a..b=1',
    '.name=x',
    'name.=x',
    'workloads[0=1',
    'workloads[-1].growth=5%',
    'workloads.-1.growth=5%',
    'workloads.99999999999999999999.growth=5%',
    'workloads.1e3.growth=5%',
    'workloads.0x1.growth=5%',
    'workloads.00.growth=5%',
    'workloads[0][0].growth=5%',
    '__proto__.polluted=1',
    'workloads.0.__proto__.polluted=1',
    'constructor.prototype.polluted=1',
    'x-anchors=1',
    'name.first=x',
    'horizon.months.value=1',
    'a b=1',
    '=',
    'a=b=c',
    'name\x1b[31m=x',
    'name\n::warning::INJECTED=x',
    `${'a.'.repeat(5000)}a=1`,
    `name=${'x'.repeat(100_000)}`,
    `${'k'.repeat(100_000)}=1`,
    'workloads=' + nestedLists(20_000),
    '😀=1',
    'budgets.999.limit=1k',
    'options.no-such-option.model.cloud=aws',
    'workloads.0=',
    'horizon=',
    '-=1',
    '--set=1',
  ]);

/** One `--set` argument for this scenario data, and what it does. */
export function setArgument(data: unknown, random: Random): { arg: string; note: string } {
  const kind = random.weighted([[5, 'hostile'], [3, 'edge'], [1, 'new'], [2, 'malformed']] as const);
  if (kind === 'malformed') {
    const arg = MALFORMED(random);
    return { arg, note: 'a malformed --set' };
  }
  const paths = allPaths(data).filter((p) => kind !== 'edge' || !isContainer(getAt(data, p)));
  if (paths.length === 0) return { arg: `name=${hostileValueText(random)}`, note: '--set on a document without paths' };
  const path = random.pick(paths);
  if (kind === 'new') {
    // one past the end of a list appends; a key that is not there is created
    const lists = paths.filter((p) => Array.isArray(getAt(data, p)));
    const list = lists.length > 0 && random.chance(0.6) ? random.pick(lists) : undefined;
    const target = list !== undefined ? [...list, (getAt(data, list) as unknown[]).length] : [...path, random.pick(['new_key', 'id', 'description', '0'])];
    return { arg: `${pathArgument(data, target, random)}=${hostileValueText(random)}`, note: '--set creating an entry' };
  }
  if (kind === 'edge') {
    const value = extremeValueFor(meaningOf(path), random);
    if (value !== undefined) return { arg: `${pathArgument(data, path, random)}=${value instanceof Raw ? value.text : String(value)}`, note: '--set with an edge value' };
  }
  return { arg: `${pathArgument(data, path, random)}=${hostileValueText(random)}`, note: '--set with a hostile value' };
}
