/**
 * Committed spend on a cloud (MACC on Azure, EDP on AWS): in return for committing `amount`
 * per period, eligible spend earns `discount`; whatever the period's discounted eligible spend
 * falls short of the commitment is billed at the period's end as `commitment.shortfall`. The
 * same contract binds every option, so moving spend off a committed cloud shows its real cost.
 *
 * Worked example: 120 000 a year committed on Azure at 5 % discount; an option spending
 * 6 000 a month there earns 300 a month of discount (6 000 × 5 %) and consumes 5 700 a month,
 * 68 400 a year: the year ends 51 600 short, billed in its last month.
 *
 * Periods start at `from` (default: the horizon's start) and last a month, quarter or year;
 * only periods wholly inside the horizon are assessed, since spend outside it is unknown.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { CATEGORIES, type Category, type LineItem } from '../model/line-item.js';
import { ONE, sum, ZERO, type Decimal } from '../model/money.js';
import { addMonths, type Period } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';
import { SHARED } from './shared-usage.js';

const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** Costs a commitment does not count: its own lines and one-time costs. */
const NEVER_ELIGIBLE: readonly Category[] = ['commitment.discount', 'commitment.shortfall', 'one-time'];

export function commitmentItems(scenario: Scenario, items: readonly LineItem[], periods: readonly Period[]): { lineItems: LineItem[]; problems: Diagnostic[] } {
  const lineItems: LineItem[] = [];
  const problems: Diagnostic[] = [];
  scenario.commitments.forEach((commitment, c) => {
    const start = commitment.from ?? periods[0]!;
    if (!periods.includes(start)) {
      problems.push({ path: ['commitments', c, 'from'], message: `${start} is outside the horizon, ${periods[0]} to ${periods[periods.length - 1]}` });
      return;
    }
    const categories = commitment.categories ?? CATEGORIES.filter((category) => !NEVER_ELIGIBLE.includes(category));
    const length = MONTHS[commitment.period];
    const basis = `commitments[${c}] ${commitment.id}`;
    for (const option of scenario.options) {
      const eligible = (period: Period) =>
        sum(items.filter((i) => i.option === option.id && i.period === period && i.cloud === commitment.cloud && categories.includes(i.category)).map((i) => i.cost));
      const line = (period: Period, category: Category, quantity: Decimal, unit: string, unitPrice: Decimal, meter: string): LineItem => ({
        option: option.id,
        workload: SHARED,
        period,
        cloud: commitment.cloud,
        region: '*',
        category,
        service: 'commitment',
        model: undefined,
        vendor: undefined,
        meter,
        quantity,
        unit,
        unitPrice,
        cost: quantity.times(unitPrice),
        priceRef: undefined,
        fx: undefined,
        basis,
        payee: undefined,
      });
      for (let first = start; addMonths(first, length - 1) <= periods[periods.length - 1]!; first = addMonths(first, length)) {
        const months = Array.from({ length }, (_, i) => addMonths(first, i));
        let consumed = ZERO;
        for (const month of months) {
          const spend = eligible(month);
          if (commitment.discount.gt(0) && !spend.isZero()) {
            lineItems.push(line(month, 'commitment.discount', spend, scenario.currency, commitment.discount.neg(), `${commitment.id}: ${commitment.discount.times(100).toFixed()}% off eligible spend`));
          }
          consumed = consumed.plus(spend.times(ONE.minus(commitment.discount)));
        }
        const shortfall = commitment.amount.minus(consumed);
        if (shortfall.gt(0)) {
          const last = months[months.length - 1]!;
          lineItems.push(line(last, 'commitment.shortfall', ONE, 'period', shortfall, `${commitment.id}: shortfall of the ${commitment.period} ${first} to ${last}`));
        }
      }
    }
  });
  return { lineItems, problems };
}
