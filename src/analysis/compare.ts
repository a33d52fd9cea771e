/**
 * The compare report: each option's cost over the horizon, side by side, by category and
 * (optionally) by period, cloud or workload, with the cheapest marked, every other option's
 * difference from it and the categories that drive it, the months an option ran on its
 * fallback, and the round-trip time its hops add. Everything is a sum of line items; nothing
 * here is rounded.
 */
import type { UnassessedPeriod } from '../engine/commitments.js';
import type { FallbackUse } from '../engine/simulate.js';
import type { ProvisionedUse } from '../engine/provisioned.js';
import { weightedMs, type LatencyEstimate } from '../engine/latency.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { CLOUD_IDS } from '../model/cloud.js';
import { CATEGORIES, type Category, type LineItem } from '../model/line-item.js';
import { CostSum } from '../model/cost-sum.js';
import { Decimal, sum, ZERO } from '../model/money.js';
import { groupBy } from '../model/group-by.js';
import { groupPeriod, type Period } from '../model/period.js';
import type { ModelPlacement, Option, Scenario } from '../model/scenario.js';
import { NOT_MODEL_TOKENS, TIME_BREAKDOWNS, type Breakdown } from './breakdown.js';
import { breakEven, discountFactors, netPresentValue, type BreakEven } from './break-even.js';
import { drivers, type Driver } from './drivers.js';
import { provenanceOf, type CatalogIdentity, type Provenance } from './provenance.js';

/** One row of a breakdown: a period ("2027-Q1"), a cloud, a workload or a category. */
export interface GroupCost {
  key: string;
  total: Decimal;
  byCategory: Map<Category, Decimal>;
}

export interface OptionLatency {
  /** Turn-weighted over the option's workloads; undefined when unknown or not applicable. */
  msPerTurn: Decimal | undefined;
  /** False when the option places no agent runtime, so hops cannot be known. */
  applicable: boolean;
  unknownPairs: string[];
}

export interface OptionCost {
  id: string;
  description: string | undefined;
  placement: ModelPlacement;
  option: Option;
  total: Decimal;
  /** total ÷ months of the horizon */
  monthlyAverage: Decimal;
  /** Each month's cost, in `Comparison.periods` order. */
  monthly: Decimal[];
  /** The running total of `monthly`: what break-even compares. */
  cumulative: Decimal[];
  byCategory: Map<Category, Decimal>;
  /** Rows for `by`, in `Comparison.groups` order. */
  breakdown: GroupCost[] | undefined;
  cheapest: boolean;
  /** How much more than the cheapest option; zero for the cheapest. */
  difference: Decimal;
  /** difference ÷ the cheapest total; undefined when the cheapest costs nothing. */
  differenceRatio: Decimal | undefined;
  /** The largest differences from the cheapest option, by category. */
  drivers: Driver[];
  fallbacks: FallbackUse[];
  /** Per model with provisioned throughput: units, and how much of what they could serve they did. */
  provisioned: ProvisionedSummary[];
  latency: OptionLatency;
  /** Against the cheapest (undefined for the cheapest itself) and the scenario's baseline. */
  breakEven: { cheapest: BreakEven | undefined; baseline: BreakEven | undefined };
  /** Net present value at the scenario's discount_rate, if it has one. */
  npv: Decimal | undefined;
  lineItems: LineItem[];
}

export interface ProvisionedSummary {
  model: string;
  fewestUnits: Decimal;
  mostUnits: Decimal;
  /** Over the horizon, in weighted input tokens. */
  capacity: Decimal;
  demand: Decimal;
  served: Decimal;
}

export interface Comparison {
  scenario: { name: string; file: string };
  currency: string;
  horizon: { start: Period; end: Period; months: number };
  /** Every month of the horizon, in order. */
  periods: Period[];
  by: Breakdown | undefined;
  /** Categories that occur in any option, in the canonical order. */
  categories: Category[];
  /** Breakdown row keys, in order, when `by` is set. */
  groups: string[];
  /** The cheapest option, which differences and drivers are measured against. */
  reference: string;
  options: OptionCost[];
  provenance: Provenance;
  baseline: string | undefined;
  discountRate: Decimal | undefined;
  /** Commitment periods the horizon cuts, whose shortfall is not assessed. */
  unassessed: UnassessedPeriod[];
  replayed: ReplayedUsage | undefined;
}

/** For `replay`: what was read, and as which models it was priced. */
export interface ReplayedUsage {
  files: string[];
  /** Records read (a pre-aggregated row is one). */
  records: number;
  /** Requests they stand for. */
  requests: bigint;
  duplicates: number;
  passedOver: number;
  bad: number;
  firstBad: Diagnostic[];
  /** The first and last request's time, ms since 1970 UTC. */
  first: number;
  last: number;
  models: { logged: string; priced: string }[];
}

export interface CompareInput {
  scenario: Scenario;
  scenarioFile: string;
  catalog: CatalogIdentity;
  periods: Period[];
  lineItems: readonly LineItem[];
  fallbacks?: readonly FallbackUse[];
  provisioned?: readonly ProvisionedUse[];
  latency?: readonly LatencyEstimate[];
  by?: Breakdown | undefined;
  unassessed?: readonly UnassessedPeriod[];
  /** The `--set` changes the scenario was run with. */
  whatIf?: readonly string[];
  /** Inputs given as distributions, priced at their mode or mean. */
  pointValues?: readonly string[];
  replayed?: ReplayedUsage;
}

export function compare(input: CompareInput): Comparison {
  const { scenario, periods, by } = input;
  const months = periods.length;
  const groupOf = by === undefined ? undefined : grouping(by);
  const groups = by === undefined ? [] : groupKeys(by, scenario, periods, input.lineItems);
  const itemsOf = byOption(input.lineItems);
  const costs = scenario.options.map((option) => {
    const lineItems = itemsOf.get(option.id) ?? [];
    const sums = sumsOf(lineItems, groupOf);
    const total = sum(sums.byCategory.values());
    return {
      id: option.id,
      description: option.description,
      placement: option.model,
      option,
      total,
      monthlyAverage: total.div(months),
      byCategory: inCategoryOrder(sums.byCategory),
      breakdown: groupOf === undefined ? undefined : groups.map((key) => groupCost(key, sums.byGroup.get(key))),
      fallbacks: (input.fallbacks ?? []).filter((f) => f.option === option.id),
      provisioned: provisionedSummaries((input.provisioned ?? []).filter((u) => u.option === option.id)),
      // no estimates given (a replay, a diff): no round trips to show
      latency: input.latency === undefined ? { msPerTurn: undefined, applicable: false, unknownPairs: [] } : optionLatency(option, input.latency.filter((l) => l.option === option.id)),
      monthly: periods.map((p) => sums.byMonth.get(p) ?? ZERO),
      lineItems,
    };
  });
  const reference = costs.reduce((min, c) => (c.total.lt(min.total) ? c : min), costs[0]!);
  const baseline = costs.find((c) => c.id === scenario.baseline);
  const discount = scenario.discount_rate === undefined ? undefined : discountFactors(months, scenario.discount_rate);
  const options: OptionCost[] = costs.map((c) => {
    const difference = c.total.minus(reference.total);
    return {
      ...c,
      cumulative: runningTotals(c.monthly),
      cheapest: difference.isZero(),
      difference,
      differenceRatio: reference.total.isZero() ? undefined : difference.div(reference.total),
      drivers: difference.isZero() ? [] : drivers(c.byCategory, reference.byCategory),
      breakEven: {
        cheapest: c === reference ? undefined : breakEven(c.monthly, reference.monthly, periods, reference.id),
        baseline: baseline === undefined || c === baseline ? undefined : breakEven(c.monthly, baseline.monthly, periods, baseline.id),
      },
      npv: discount === undefined ? undefined : netPresentValue(c.monthly, discount),
    };
  });
  return {
    scenario: { name: scenario.name, file: input.scenarioFile },
    currency: scenario.currency,
    horizon: { start: periods[0]!, end: periods[months - 1]!, months },
    periods: [...periods],
    by,
    categories: CATEGORIES.filter((category) => options.some((o) => o.byCategory.has(category))),
    groups,
    reference: reference.id,
    options,
    provenance: provenanceOf(input.catalog, scenario, input.lineItems, input.whatIf, input.pointValues),
    baseline: scenario.baseline,
    discountRate: scenario.discount_rate,
    unassessed: [...(input.unassessed ?? [])],
    replayed: input.replayed,
  };
}

function runningTotals(monthly: readonly Decimal[]): Decimal[] {
  let total = ZERO;
  return monthly.map((d) => (total = total.plus(d)));
}

function byOption(items: readonly LineItem[]): Map<string, LineItem[]> {
  const options = new Map<string, LineItem[]>();
  for (const item of items) {
    const list = options.get(item.option);
    if (list === undefined) options.set(item.option, [item]);
    else list.push(item);
  }
  return options;
}

interface Sums {
  byCategory: Map<Category, Decimal>;
  byMonth: Map<Period, Decimal>;
  /** For `by`: each row's costs by category. */
  byGroup: Map<string, Map<Category, Decimal>>;
}

/** An option's sums, every one a report shows, in one pass over its line items. */
function sumsOf(items: readonly LineItem[], groupOf: ((item: LineItem) => string) | undefined): Sums {
  const byCategory = new Map<Category, CostSum>();
  const byMonth = new Map<Period, CostSum>();
  const byGroup = new Map<string, Map<Category, CostSum>>();
  const add = <K>(sums: Map<K, CostSum>, key: K, item: LineItem) => {
    const sum = sums.get(key) ?? new CostSum();
    return sums.set(key, sum.add(item));
  };
  for (const item of items) {
    add(byCategory, item.category, item);
    add(byMonth, item.period, item);
    if (groupOf === undefined) continue;
    const key = groupOf(item);
    byGroup.set(key, add(byGroup.get(key) ?? new Map<Category, CostSum>(), item.category, item));
  }
  return { byCategory: totals(byCategory), byMonth: totals(byMonth), byGroup: new Map([...byGroup].map(([key, sums]) => [key, totals(sums)])) };
}

function totals<K>(sums: Map<K, CostSum>): Map<K, Decimal> {
  return new Map([...sums].map(([key, sum]) => [key, sum.total]));
}

function grouping(by: Breakdown): (item: LineItem) => string {
  switch (by) {
    case 'category':
      return (item) => item.category;
    case 'cloud':
      return (item) => item.cloud;
    case 'workload':
      return (item) => item.workload;
    case 'model':
      return (item) => item.model ?? NOT_MODEL_TOKENS;
    default:
      return (item) => groupPeriod(item.period, by);
  }
}

/** Row keys in a reading order: time order, category order, cloud list order, scenario order. */
function groupKeys(by: Breakdown, scenario: Scenario, periods: readonly Period[], items: readonly LineItem[]): string[] {
  if ((TIME_BREAKDOWNS as readonly string[]).includes(by)) return unique(periods.map((p) => groupPeriod(p, by as (typeof TIME_BREAKDOWNS)[number])));
  const present = new Set(items.map(grouping(by)));
  const order = by === 'category' ? [...CATEGORIES] : by === 'cloud' ? [...CLOUD_IDS] : by === 'model' ? [...new Set(scenario.workloads.map((w) => w.model))] : scenario.workloads.map((w) => w.id);
  const others = [...present].filter((key) => !order.includes(key as never)).sort();
  // costs that are no model's come after every model
  return [...order.filter((key) => present.has(key)), ...others.filter((key) => key !== NOT_MODEL_TOKENS), ...others.filter((key) => key === NOT_MODEL_TOKENS)];
}

function groupCost(key: string, byCategory: Map<Category, Decimal> = new Map()): GroupCost {
  return { key, total: sum(byCategory.values()), byCategory: inCategoryOrder(byCategory) };
}

/** Turn-weighted over workloads: Σ(ms × turns) ÷ Σ turns. */
function optionLatency(option: Option, estimates: readonly LatencyEstimate[]): OptionLatency {
  if (option.runtime === undefined) return { msPerTurn: undefined, applicable: false, unknownPairs: [] };
  return { msPerTurn: weightedMs(estimates), applicable: true, unknownPairs: unique(estimates.flatMap((e) => e.unknownPairs)) };
}

function inCategoryOrder(totals: Map<Category, Decimal>): Map<Category, Decimal> {
  return new Map(CATEGORIES.filter((c) => totals.has(c)).map((c) => [c, totals.get(c) ?? ZERO]));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Each model's months of provisioned throughput, added up. */
function provisionedSummaries(uses: readonly ProvisionedUse[]): ProvisionedSummary[] {
  return [...groupBy(uses, (u) => u.model)].map(([model, months]) => ({
    model,
    fewestUnits: Decimal.min(...months.map((m) => m.units)),
    mostUnits: Decimal.max(...months.map((m) => m.units)),
    capacity: sum(months.map((m) => m.capacity)),
    demand: sum(months.map((m) => m.demand)),
    served: sum(months.map((m) => m.served)),
  }));
}
