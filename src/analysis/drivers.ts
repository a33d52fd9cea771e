/**
 * Why two options differ: the cost categories whose totals differ most between an option and
 * the reference (the cheapest), largest first by size, with their sign. By category rather
 * than by cloud, so moving a cost from one cloud to another shows as what it changes (tokens
 * 10 % dearer, egress added) instead of as one cloud's bill replacing another's.
 *
 *   aws-runtime: +1 382.20 vs all-azure: egress +1 382.20, runtime +1.08, …
 */
import type { Category } from '../model/line-item.js';
import { ZERO, type Decimal } from '../model/money.js';

export interface Driver {
  category: Category;
  /** This option's cost minus the reference's, in this category. */
  amount: Decimal;
}

export const DRIVERS_SHOWN = 3;

/** From each option's totals by category. */
export function drivers(mine: ReadonlyMap<Category, Decimal>, theirs: ReadonlyMap<Category, Decimal>): Driver[] {
  const categories = new Set([...mine.keys(), ...theirs.keys()]);
  return [...categories]
    .map((category) => ({ category, amount: (mine.get(category) ?? ZERO).minus(theirs.get(category) ?? ZERO) }))
    .filter((d) => !d.amount.isZero())
    .sort((a, b) => b.amount.abs().comparedTo(a.amount.abs()) || a.category.localeCompare(b.category))
    .slice(0, DRIVERS_SHOWN);
}
