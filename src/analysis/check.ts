/**
 * `cloudtco check`: is every option within its budgets, and within the allowed increase over a
 * baseline result? Every budget and threshold gives a result, held or breached, so CI reports
 * can list them all (JUnit test cases) and say by how much.
 *
 *   per month, quarter, year  each period's spend against the limit; the result gives the worst
 *                             period (the highest spend) and its excess, and for a breach also
 *                             the first period over (and the month in it the limit was passed)
 *                             and how many periods were; calendar quarters and years, so a
 *                             period the horizon cuts short has the full limit
 *   per horizon               the total against the limit; a breach names the month the running
 *                             total first went over it
 *
 * Spend is the option's line items, narrowed to the budget's categories and workload. Limits
 * are compared exactly, unrounded.
 */
import { statedAmount, type Exchange } from '../engine/fx.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { suggestion } from '../model/did-you-mean.js';
import { SHARED, type LineItem } from '../model/line-item.js';
import { Decimal, ZERO } from '../model/money.js';
import { groupPeriod, type Period } from '../model/period.js';
import type { Budget, Scenario } from '../model/scenario.js';
import { totalOf, totalsBy } from '../model/cost-sum.js';

export type Severity = Budget['severity'];

/** Where a result points a reader: the budget's (or the option's) line in the scenario. */
export interface Location {
  file: string;
  line: number | undefined;
}

export interface BudgetResult {
  location: Location;
  name: string;
  option: string;
  severity: Severity;
  per: Budget['per'];
  limit: Decimal;
  breached: boolean;
  /** The period with the highest spend, whose spend `actual` is; undefined for `horizon`. */
  worst: string | undefined;
  /** The worst period's spend (the total, for `horizon`), and how far it is over the limit (0 if not). */
  actual: Decimal;
  excess: Decimal;
  /** Breached: the first period over the limit, and the month the spend went over — in that period, or for `horizon` the running total. */
  firstBreach: { period: string; month: Period } | undefined;
  /** How many periods went over (for `horizon`, 1 or 0). */
  periodsBreached: number;
}

export interface Threshold {
  /** An increase of at most this much: a fraction (0.05) or an amount in the currency. */
  kind: 'percent' | 'amount';
  value: Decimal;
}

export interface BaselineResult {
  option: string;
  location: Location;
  before: Decimal;
  after: Decimal;
  increase: Decimal;
  /** increase ÷ before; undefined when before is 0. */
  ratio: Decimal | undefined;
  breached: boolean;
}

export interface BaselineCheck {
  file: string;
  threshold: Threshold;
  results: BaselineResult[];
  /** Options only in the baseline, or only in the scenario: not compared. */
  dropped: string[];
  added: string[];
}

export interface CheckReport {
  scenario: { name: string; file: string };
  currency: string;
  horizon: { start: Period; end: Period; months: number };
  budgets: BudgetResult[];
  baseline: BaselineCheck | undefined;
  /** Breaches that fail the check (budgets of severity error, baseline thresholds), and warnings. */
  errors: number;
  warnings: number;
  /** The `--set` changes the scenario was checked with: a gate passed by a what-if must say so. */
  whatIf: readonly string[];
  /** Inputs given as distributions, checked at their mode or mean. */
  pointValues: readonly string[];
}

/** One option's total in a baseline result file. */
export interface BaselineTotals {
  file: string;
  currency: string;
  totals: Map<string, Decimal>;
}

export interface CheckInput {
  scenario: Scenario;
  scenarioFile: string;
  periods: readonly Period[];
  lineItems: readonly LineItem[];
  rates: Exchange;
  baseline?: { totals: BaselineTotals; threshold: Threshold } | undefined;
  /** The line of a scenario path, for annotations. */
  locate: (path: readonly (string | number)[]) => Location;
  whatIf?: readonly string[];
  pointValues?: readonly string[];
}

/**
 * The budgets' problems a scenario can have that its schema cannot see: unknown ids, a limit
 * without its rate, and (given the priced line items) filters that select no spend at all — a
 * budget that checks nothing would report 0.00 "ok" for ever.
 */
export function budgetProblems(scenario: Scenario, rates: Exchange, lineItems?: readonly LineItem[]): Diagnostic[] {
  const options = scenario.options.map((o) => o.id);
  const workloads = [...scenario.workloads.map((w) => w.id), SHARED];
  return scenario.budgets.flatMap((budget, b): Diagnostic[] => {
    const problems: Diagnostic[] = [];
    if (budget.option !== undefined && !options.includes(budget.option)) problems.push({ path: ['budgets', b, 'option'], message: `no option "${budget.option}"${suggestion(budget.option, options)}` });
    if (budget.workload !== undefined && !workloads.includes(budget.workload)) problems.push({ path: ['budgets', b, 'workload'], message: `no workload "${budget.workload}"${suggestion(budget.workload, workloads)}` });
    const limit = statedAmount(budget.limit, budget.currency, scenario.currency, rates, ['budgets', b, 'currency']);
    if ('problem' in limit) problems.push(limit.problem);
    if (problems.length === 0 && lineItems !== undefined) {
      const empty = selectsNothing(budget, lineItems);
      if (empty !== undefined) problems.push({ path: ['budgets', b], message: empty });
    }
    return problems;
  });
}

/** Whether a budget's filters select a line item of an option it holds; if not, what they missed and where that spend is. */
function selectsNothing(budget: Budget, lineItems: readonly LineItem[]): string | undefined {
  const held = lineItems.filter((i) => budget.option === undefined || i.option === budget.option);
  const inCategories = (i: LineItem) => budget.categories?.includes(i.category) ?? true;
  const ofWorkload = (i: LineItem) => budget.workload === undefined || i.workload === budget.workload;
  if (held.some((i) => inCategories(i) && ofWorkload(i))) return undefined;
  const where = budget.option === undefined ? 'any option' : `option ${budget.option}`;
  const list = (values: Iterable<string>) => [...new Set(values)].join(', ');
  const categories = budget.categories?.join(', ') ?? '';
  if (budget.workload === undefined) return `selects no spend in ${where}: there is no ${categories} spend; the spend is in ${list(held.map((i) => i.category))}`;
  const workloadSpend = held.filter(ofWorkload);
  if (workloadSpend.length === 0) return `selects no spend in ${where}: workload "${budget.workload}" has none`;
  const elsewhere = list(held.filter(inCategories).map((i) => `"${i.workload}"`));
  return `selects no spend in ${where}: workload "${budget.workload}" has no ${categories} spend (it has ${list(workloadSpend.map((i) => i.category))})${elsewhere === '' ? '' : `; ${categories} spend is filed under the workload ${elsewhere}`}`;
}

export function check(input: CheckInput): CheckReport {
  const { scenario, periods } = input;
  const budgets = scenario.budgets.flatMap((budget, index) => {
    const limit = statedAmount(budget.limit, budget.currency, scenario.currency, input.rates, []);
    if ('problem' in limit) throw new Error(`${limit.problem.message} (budgetProblems reports this first)`);
    const options = budget.option === undefined ? scenario.options.map((o) => o.id) : [budget.option];
    return options.map((option) => budgetResult(budget, input.locate(['budgets', index]), option, limit.value, input.lineItems, periods));
  });
  const baseline = input.baseline === undefined ? undefined : baselineCheck(input, input.baseline.totals, input.baseline.threshold);
  const errors = budgets.filter((b) => b.breached && b.severity === 'error').length + (baseline?.results.filter((r) => r.breached).length ?? 0);
  return {
    scenario: { name: scenario.name, file: input.scenarioFile },
    currency: scenario.currency,
    horizon: { start: periods[0]!, end: periods[periods.length - 1]!, months: periods.length },
    budgets,
    baseline,
    errors,
    warnings: budgets.filter((b) => b.breached && b.severity === 'warning').length,
    whatIf: input.whatIf ?? [],
    pointValues: input.pointValues ?? [],
  };
}

function budgetResult(budget: Budget, location: Location, option: string, limit: Decimal, lineItems: readonly LineItem[], periods: readonly Period[]): BudgetResult {
  const items = lineItems.filter((i) => i.option === option && (budget.categories?.includes(i.category) ?? true) && (budget.workload === undefined || i.workload === budget.workload));
  const base = { location, name: budget.name, option, severity: budget.severity, per: budget.per, limit };
  if (budget.per === 'horizon') {
    const byMonth = totalsBy(items, (i) => i.period);
    let running = ZERO;
    const crossed = periods.find((p) => (running = running.plus(byMonth.get(p) ?? ZERO)).gt(limit));
    const actual = totalOf(items);
    const firstBreach = crossed === undefined ? undefined : { period: crossed, month: crossed };
    return { ...base, breached: actual.gt(limit), worst: undefined, actual, excess: Decimal.max(actual.minus(limit), ZERO), firstBreach, periodsBreached: actual.gt(limit) ? 1 : 0 };
  }
  const per = budget.per;
  const byMonth = totalsBy(items, (i) => i.period);
  const buckets = [...new Set(periods.map((p) => groupPeriod(p, per)))].map((period) => {
    const months = periods.filter((p) => groupPeriod(p, per) === period);
    return { period, months, actual: months.reduce((total, m) => total.plus(byMonth.get(m) ?? ZERO), ZERO) };
  });
  const over = buckets.filter((b) => b.actual.gt(limit));
  // the highest period, the earliest of equals
  const worst = buckets.reduce((max, b) => (b.actual.gt(max.actual) ? b : max), buckets[0]!);
  // the month within the first period over the limit that took its running total past it
  let running = ZERO;
  const first = over[0];
  const month = first?.months.find((m) => (running = running.plus(byMonth.get(m) ?? ZERO)).gt(limit));
  const firstBreach = first === undefined || month === undefined ? undefined : { period: first.period, month };
  return { ...base, breached: over.length > 0, worst: worst.period, actual: worst.actual, excess: Decimal.max(worst.actual.minus(limit), ZERO), firstBreach, periodsBreached: over.length };
}

function baselineCheck({ scenario, lineItems, locate }: CheckInput, baseline: BaselineTotals, threshold: Threshold): BaselineCheck {
  const ids = scenario.options.map((o) => o.id);
  const results = ids
    .filter((id) => baseline.totals.has(id))
    .map((option): BaselineResult => {
      const before = baseline.totals.get(option)!;
      const after = totalOf(lineItems.filter((i) => i.option === option));
      const increase = after.minus(before);
      const ratio = before.isZero() ? undefined : increase.div(before);
      const allowed = threshold.kind === 'amount' ? threshold.value : before.times(threshold.value);
      return { option, location: locate(['options', ids.indexOf(option)]), before, after, increase, ratio, breached: increase.gt(allowed) };
    });
  return { file: baseline.file, threshold, results, dropped: [...baseline.totals.keys()].filter((id) => !ids.includes(id)), added: ids.filter((id) => !baseline.totals.has(id)) };
}
