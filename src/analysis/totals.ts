/** Sums of line-item costs grouped by a key, in first-seen order. No rounding: totals are exact. */
import type { LineItem } from '../model/line-item.js';
import { sum, ZERO, type Decimal } from '../model/money.js';

export function totalsBy<K>(items: readonly LineItem[], keyOf: (item: LineItem) => K): Map<K, Decimal> {
  const totals = new Map<K, Decimal>();
  for (const item of items) {
    const key = keyOf(item);
    totals.set(key, (totals.get(key) ?? ZERO).plus(item.cost));
  }
  return totals;
}

export function totalOf(items: readonly LineItem[]): Decimal {
  return sum(items.map((item) => item.cost));
}
