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

export type BreakEvenOutcome = 'cheaper-throughout' | 'costlier-throughout' | 'same-throughout' | 'becomes-cheaper' | 'becomes-costlier';

export interface Crossing {
  month: Period;
  becomes: 'cheaper' | 'costlier';
}

export interface BreakEven {
  /** The option measured against. */
  against: string;
  /** How it stands at the horizon's end, and since when. */
  outcome: BreakEvenOutcome;
  /** The month of the last crossing, from which the outcome holds, for the `becomes-…` outcomes. */
  month: Period | undefined;
  /** Every crossing in order; more than one when cumulative costs cross back and forth. */
  crossings: Crossing[];
}

/**
 * Months where the cumulative costs are equal before either side leads decide nothing; after
 * that, equal counts as "no longer costlier", the break-even point.
 */
export function breakEven(mine: readonly Decimal[], theirs: readonly Decimal[], periods: readonly Period[], against: string): BreakEven {
  let gap = ZERO;
  let costlier: boolean | undefined;
  let startsCostlier: boolean | undefined;
  const crossings: Crossing[] = [];
  for (const [i, period] of periods.entries()) {
    gap = gap.plus(mine[i] ?? ZERO).minus(theirs[i] ?? ZERO);
    if (costlier === undefined) {
      if (gap.isZero()) continue;
      costlier = startsCostlier = gap.gt(0);
    } else if (gap.gt(0) !== costlier) {
      costlier = gap.gt(0);
      crossings.push({ month: period, becomes: costlier ? 'costlier' : 'cheaper' });
    }
  }
  const last = crossings[crossings.length - 1];
  if (last !== undefined) return { against, outcome: last.becomes === 'cheaper' ? 'becomes-cheaper' : 'becomes-costlier', month: last.month, crossings };
  const outcome = startsCostlier === undefined ? 'same-throughout' : startsCostlier ? 'costlier-throughout' : 'cheaper-throughout';
  return { against, outcome, month: undefined, crossings };
}

export function netPresentValue(monthly: readonly Decimal[], yearlyRate: Decimal): Decimal {
  const growth = ONE.plus(yearlyRate);
  return monthly.reduce((npv, cost, m) => npv.plus(cost.div(Decimal.pow(growth, new Decimal(m + 1).div(12)))), ZERO);
}
