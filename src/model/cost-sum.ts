/**
 * A running total of line-item costs, exact. Token line items (ChargedLineItem) add their cost
 * as integers at their price's scale, a bigint addition instead of a decimal one; others add
 * their decimal cost. The total is made once, when read: Σ units_s × 10^−s + Σ decimals.
 *
 *   3 items of 1 000 000 tokens at 0.0000025: 2 500 000 × 3 = 7 500 000 units at scale 7 = 7.5
 */
import { ChargedLineItem, type LineItem } from './line-item.js';
import { Decimal, ZERO } from './money.js';

export class CostSum {
  private readonly units = new Map<number, bigint>();
  private decimals = ZERO;

  add(item: LineItem): this {
    if (item instanceof ChargedLineItem) {
      const scale = item.charge.scale;
      this.units.set(scale, (this.units.get(scale) ?? 0n) + item.costUnits);
    } else {
      this.decimals = this.decimals.plus(item.cost);
    }
    return this;
  }

  get total(): Decimal {
    let total = this.decimals;
    for (const [scale, units] of this.units) total = total.plus(new Decimal(`${units}e-${scale}`));
    return total;
  }
}

/** Totals of line-item costs grouped by a key, in first-seen order. */
export function totalsBy<K>(items: Iterable<LineItem>, keyOf: (item: LineItem) => K): Map<K, Decimal> {
  const sums = new Map<K, CostSum>();
  for (const item of items) {
    const key = keyOf(item);
    const sum = sums.get(key) ?? new CostSum();
    sums.set(key, sum.add(item));
  }
  return new Map([...sums].map(([key, sum]) => [key, sum.total]));
}

export function totalOf(items: Iterable<LineItem>): Decimal {
  const sum = new CostSum();
  for (const item of items) sum.add(item);
  return sum.total;
}
