/**
 * When an option's cumulative cost crosses another's, and what a stream of monthly costs is
 * worth today.
 *
 * Break-even compares cumulative totals month by month. An option with a migration up front but
 * a lower running cost starts above the other and "becomes cheaper" in the first month its
 * cumulative cost is no longer above; one that starts cheaper can "become costlier". Without a
 * crossing it is cheaper (or costlier) throughout the horizon.
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

export type BreakEvenOutcome = 'cheaper-throughout' | 'costlier-throughout' | 'becomes-cheaper' | 'becomes-costlier';

export interface BreakEven {
  /** The option measured against. */
  against: string;
  outcome: BreakEvenOutcome;
  /** The month of the crossing, for the `becomes-…` outcomes. */
  month: Period | undefined;
}

export function breakEven(mine: readonly Decimal[], theirs: readonly Decimal[], periods: readonly Period[], against: string): BreakEven {
  let gap = ZERO;
  let startsCostlier: boolean | undefined;
  for (const [i, period] of periods.entries()) {
    gap = gap.plus(mine[i] ?? ZERO).minus(theirs[i] ?? ZERO);
    const costlier = gap.gt(0);
    if (startsCostlier === undefined) startsCostlier = costlier;
    else if (costlier !== startsCostlier) return { against, outcome: costlier ? 'becomes-costlier' : 'becomes-cheaper', month: period };
  }
  return { against, outcome: startsCostlier ? 'costlier-throughout' : 'cheaper-throughout', month: undefined };
}

export function netPresentValue(monthly: readonly Decimal[], yearlyRate: Decimal): Decimal {
  const growth = ONE.plus(yearlyRate);
  return monthly.reduce((npv, cost, m) => npv.plus(cost.div(Decimal.pow(growth, new Decimal(m + 1).div(12)))), ZERO);
}
