/**
 * What changed between two results — two saved compare results, or two scenarios simulated
 * (main against a pull request, a scenario against its what-if): per option and category,
 * before, after, the change and the change in percent. Options or categories on one side only
 * are shown against nothing.
 */
import type { Threshold } from './check.js';
import { CATEGORIES } from '../model/line-item.js';
import { ZERO, type Decimal } from '../model/money.js';

/** One side of a diff: what a result says each option costs. */
export interface DiffSide {
  file: string;
  name: string;
  currency: string;
  options: { id: string; total: Decimal; byCategory: ReadonlyMap<string, Decimal> }[];
}

export interface Change {
  /** Undefined on the side that lacks it. */
  before: Decimal | undefined;
  after: Decimal | undefined;
  change: Decimal;
  /** change ÷ before; undefined when there is no before, or it is 0. */
  ratio: Decimal | undefined;
}

export interface OptionChange extends Change {
  id: string;
  categories: (Change & { category: string })[];
  /** Over --fail-on-increase (only options on both sides are held to it). */
  exceeds: boolean;
}

export interface DiffReport {
  before: { file: string; name: string };
  after: { file: string; name: string };
  currency: string;
  options: OptionChange[];
  threshold: Threshold | undefined;
  /** Options over the threshold. */
  exceeded: string[];
  /** Options on one side only (renamed, added or dropped): shown against nothing, never held to the threshold. */
  onlyBefore: string[];
  onlyAfter: string[];
  /** The `--set` changes the after side was run with. */
  whatIf: readonly string[];
}

export function diff(before: DiffSide, after: DiffSide, threshold?: Threshold, whatIf: readonly string[] = []): DiffReport {
  const ids = [...new Set([...after.options.map((o) => o.id), ...before.options.map((o) => o.id)])];
  const options = ids.map((id): OptionChange => {
    const a = before.options.find((o) => o.id === id);
    const b = after.options.find((o) => o.id === id);
    const total = change(a?.total, b?.total);
    const names = new Set([...(a?.byCategory.keys() ?? []), ...(b?.byCategory.keys() ?? [])]);
    const ordered = [...CATEGORIES.filter((c) => names.has(c)), ...[...names].filter((c) => !(CATEGORIES as readonly string[]).includes(c)).sort()];
    const categories = ordered.map((category) => ({ category, ...change(a?.byCategory.get(category), b?.byCategory.get(category)) }));
    const exceeds = threshold !== undefined && a !== undefined && b !== undefined && total.change.gt(threshold.kind === 'amount' ? threshold.value : a.total.times(threshold.value));
    return { id, ...total, categories, exceeds };
  });
  return {
    before: { file: before.file, name: before.name },
    after: { file: after.file, name: after.name },
    currency: after.currency,
    options,
    threshold,
    exceeded: options.filter((o) => o.exceeds).map((o) => o.id),
    onlyBefore: options.filter((o) => o.after === undefined).map((o) => o.id),
    onlyAfter: options.filter((o) => o.before === undefined).map((o) => o.id),
    whatIf,
  };
}

function change(before: Decimal | undefined, after: Decimal | undefined): Change {
  const difference = (after ?? ZERO).minus(before ?? ZERO);
  return { before, after, change: difference, ratio: before === undefined || before.isZero() ? undefined : difference.div(before) };
}
