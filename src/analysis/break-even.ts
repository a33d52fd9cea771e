/**
 * When an option's cumulative cost crosses another's, and what a stream of monthly costs is
 * worth today.
 *
 * Break-even compares cumulative totals month by month. An option with a migration up front but
 * a lower running cost starts above the other and "becomes cheaper" in the month its cumulative
 * cost is no longer above; one that starts cheaper can "become costlier". Yearly shortfalls can
 * make the lines cross back and forth, so the outcome is how they stand at the horizon's end,
 * from the last crossing on, with every crossing listed. Without a crossing an option is cheaper
 * (or costlier, or the same) throughout the horizon.
 *
 *   monthly  A: 100, 10, 10, 10    B: 40, 40, 40, 40
 *   cumulative A: 100, 110, 120, 130  B: 40, 80, 120, 160 → A becomes cheaper in month 3
 *
 * Net present value discounts each month's cost to the horizon's start at a yearly rate r, as
 * paid at the month's end: Σ cost_m ÷ (1 + r)^((m + 1) / 12). At 8 %, 1 000 paid at the end of
 * month 12 is worth 1 000 ÷ 1.08 = 925.93 today.
 */
import { Decimal, ONE, ZERO } from '../model/money.js';
import type { Period } from '../model/period.js';

export type BreakEvenOutcome = 'cheaper-throughout' | 'costlier-throughout' | 'same-throughout' | 'becomes-cheaper' | 'becomes-costlier' | 'breaks-even';

/** Where the cumulative cost stands against the other's: above, level, below. */
export type Side = 'costlier' | 'even' | 'cheaper';

export interface Crossing {
  month: Period;
  becomes: Side;
}

export interface BreakEven {
  /** The option measured against. */
  against: string;
  /** How it stands at the horizon's end, and since when. */
  outcome: BreakEvenOutcome;
  /** From this month on the outcome holds (for `becomes-…` and `breaks-even`). */
  month: Period | undefined;
  /** Every change of side in order; several when cumulative costs meet or cross back and forth. */
  crossings: Crossing[];
}

/**
 *   costlier-throughout  above in every month (after any months level from the start)
 *   cheaper-throughout   never above
 *   same-throughout      level in every month
 *   becomes-costlier     above from `month` to the end, not before
 *   becomes-cheaper      never above from `month` on, below at the end, above before
 *   breaks-even          never above from `month` on, level at the end, above before
 */
export function breakEven(mine: readonly Decimal[], theirs: readonly Decimal[], periods: readonly Period[], against: string): BreakEven {
  let gap = ZERO;
  const sides: { month: Period; side: Side }[] = [];
  for (const [i, month] of periods.entries()) {
    gap = gap.plus(mine[i] ?? ZERO).minus(theirs[i] ?? ZERO);
    const side: Side = gap.gt(0) ? 'costlier' : gap.lt(0) ? 'cheaper' : 'even';
    // level months before either side leads decide nothing
    if (sides.length === 0 && side === 'even') continue;
    sides.push({ month, side });
  }
  const crossings = sides.filter((s, i) => i > 0 && s.side !== sides[i - 1]!.side).map((s) => ({ month: s.month, becomes: s.side }));
  const final = sides[sides.length - 1];
  if (final === undefined) return { against, outcome: 'same-throughout', month: undefined, crossings };
  // the last run of months on the final side of "above"
  const above = final.side === 'costlier';
  let from = sides.length - 1;
  while (from > 0 && (sides[from - 1]!.side === 'costlier') === above) from--;
  if (from === 0) return { against, outcome: above ? 'costlier-throughout' : 'cheaper-throughout', month: undefined, crossings };
  const outcome = above ? 'becomes-costlier' : final.side === 'cheaper' ? 'becomes-cheaper' : 'breaks-even';
  return { against, outcome, month: sides[from]!.month, crossings };
}

/**
 * What 1 paid at the end of each month is worth at the start: (1 + r)^((m + 1) / 12). A
 * fractional power at 60 digits is slow, and every option of a report shares them.
 */
export function discountFactors(months: number, yearlyRate: Decimal): Decimal[] {
  const growth = ONE.plus(yearlyRate);
  return Array.from({ length: months }, (_, m) => Decimal.pow(growth, new Decimal(m + 1).div(12)));
}

/** `discount`: the monthly factors from `discountFactors`, or the yearly rate to work them out. */
export function netPresentValue(monthly: readonly Decimal[], discount: Decimal | readonly Decimal[]): Decimal {
  const factors = Decimal.isDecimal(discount) ? discountFactors(monthly.length, discount) : discount;
  return monthly.reduce((npv, cost, m) => npv.plus(cost.div(factors[m]!)), ZERO);
}
