/** Sums of line-item costs grouped by a key, in first-seen order. No rounding: totals are exact. */
import type { LineItem } from '../model/line-item.js';
import { ZERO, type Decimal } from '../model/money.js';

export function totalsBy<K>(items: readonly LineItem[], keyOf: (item: LineItem) => K): Map<K, Decimal> {
  const totals = new Map<K, Decimal>();
  for (const item of items) {
    const key = keyOf(item);
    totals.set(key, (totals.get(key) ?? ZERO).plus(item.cost));
  }
  return totals;
}

export function totalOf(items: readonly LineItem[]): Decimal {
  let total = ZERO;
  for (const item of items) total = total.plus(item.cost);
  return total;
}
