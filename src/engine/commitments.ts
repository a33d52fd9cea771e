/**
 * Committed spend on a cloud (MACC on Azure, EDP on AWS): in return for committing `amount`
 * per period, eligible spend earns `discount`; whatever the period's discounted eligible spend
 * falls short of the commitment is billed at the period's end as `commitment.shortfall`. The
 * commitment binds the customer, not an option, so every option carries it: moving spend off a
 * committed cloud shows its real cost.
 *
 * Worked example: 120 000 a year committed on Azure at 5 % discount; an option spending
 * 6 000 a month there earns 300 a month of discount (6 000 × 5 %) and consumes 5 700 a month,
 * 68 400 a year: the year ends 51 600 short, billed in its last month.
 *
 * Periods run a month, quarter or year from `from` (default: the horizon's start; it may be
 * earlier, for a contract year already under way). The discount applies in every month of the
 * horizon; a shortfall is assessed only for periods wholly inside it, since spend outside the
 * horizon is unknown. The periods that are not are returned, for reports to say so.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { CATEGORIES, type Category, type LineItem } from '../model/line-item.js';
import { ONE, ZERO, type Decimal } from '../model/money.js';
import { addMonths, type Period } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';
import { statedAmount, type Exchange } from './fx.js';
import { statedCost } from './stated-cost.js';
import { append } from '../model/append.js';

const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** Costs a commitment never counts: its own lines, one-time costs, and support fees (worked out after it). */
const NEVER_ELIGIBLE: readonly Category[] = ['commitment.discount', 'commitment.shortfall', 'one-time', 'support'];

/** A commitment period the horizon cuts: discounted, but its shortfall not assessed. */
export interface UnassessedPeriod {
  commitment: string;
  first: Period;
  last: Period;
}

export interface Commitments {
  lineItems: LineItem[];
  unassessed: UnassessedPeriod[];
  problems: Diagnostic[];
}

export function commitmentItems(scenario: Scenario, items: readonly LineItem[], periods: readonly Period[], rates: Exchange): Commitments {
  const result: Commitments = { lineItems: [], unassessed: [], problems: [] };
  const start = periods[0]!;
  const end = periods[periods.length - 1]!;
  scenario.commitments.forEach((commitment, c) => {
    const problems = commitmentProblems(scenario, c);
    const amount = statedAmount(commitment.amount, commitment.currency, scenario.currency, rates, ['commitments', c, 'currency']);
    if ('problem' in amount) problems.push(amount.problem);
    const from = commitment.from ?? start;
    if (from > end) problems.push({ path: ['commitments', c, 'from'], message: `${from} is after the horizon ends (${end})` });
    if (problems.length > 0 || 'problem' in amount) {
      append(result.problems, problems);
      return;
    }
    const categories = commitment.categories ?? CATEGORIES.filter((category) => !NEVER_ELIGIBLE.includes(category));
    const length = MONTHS[commitment.period];
    const eligible = new Map<string, Decimal>();
    for (const i of items) {
      if (i.cloud !== commitment.cloud || !categories.includes(i.category)) continue;
      const key = `${i.option} ${i.period}`;
      eligible.set(key, (eligible.get(key) ?? ZERO).plus(i.cost));
    }
    const basis = `commitments[${c}] ${commitment.id}`;
    const line = (option: string, period: Period, category: Category, quantity: Decimal, unit: string, unitPrice: Decimal, meter: string) =>
      statedCost({ option, period, cloud: commitment.cloud, category, service: 'commitment', meter, quantity, unit, unitPrice, basis });
    for (let first = from; first <= end; first = addMonths(first, length)) {
      const months = Array.from({ length }, (_, i) => addMonths(first, i));
      const last = months[length - 1]!;
      const inHorizon = months.filter((month) => month >= start && month <= end);
      if (inHorizon.length === 0) continue;
      const whole = inHorizon.length === length;
      if (!whole) result.unassessed.push({ commitment: commitment.id, first, last });
      for (const option of scenario.options) {
        let consumed = ZERO;
        for (const month of inHorizon) {
          const spend = eligible.get(`${option.id} ${month}`) ?? ZERO;
          if (commitment.discount.gt(0) && !spend.isZero()) {
            result.lineItems.push(line(option.id, month, 'commitment.discount', spend, scenario.currency, commitment.discount.neg(), `${commitment.id}: ${commitment.discount.times(100).toFixed()}% off eligible spend`));
          }
          consumed = consumed.plus(spend.times(ONE.minus(commitment.discount)));
        }
        const shortfall = amount.value.minus(consumed);
        if (whole && shortfall.gt(0)) {
          result.lineItems.push(line(option.id, last, 'commitment.shortfall', ONE, 'period', shortfall, `${commitment.id}: shortfall of the ${commitment.period} ${first} to ${last}`));
        }
      }
    }
  });
  return result;
}

/** One commitment per cloud (two would count the same spend twice), and only spend it can count. */
function commitmentProblems(scenario: Scenario, c: number): Diagnostic[] {
  const commitment = scenario.commitments[c]!;
  const problems: Diagnostic[] = [];
  const earlier = scenario.commitments.findIndex((other) => other.cloud === commitment.cloud);
  if (earlier < c) {
    problems.push({ path: ['commitments', c, 'cloud'], message: `commitments[${earlier}] already commits ${commitment.cloud} spend; two commitments on one cloud would count the same spend twice, so state them as one` });
  }
  commitment.categories?.forEach((category, k) => {
    if (NEVER_ELIGIBLE.includes(category)) problems.push({ path: ['commitments', c, 'categories', k], message: `${category} never counts toward a commitment; expected a spend category such as tokens.input` });
  });
  return problems;
}
