/**
 * The compare report: each option's cost over the horizon, side by side, by category and
 * (optionally) by period, cloud or workload, with the cheapest marked, every other option's
 * difference from it and the categories that drive it, the months an option ran on its
 * fallback, and the round-trip time its hops add. Everything is a sum of line items; nothing
 * here is rounded.
 */
import type { UnassessedPeriod } from '../engine/commitments.js';
import type { FallbackUse } from '../engine/simulate.js';
import { weightedMs, type LatencyEstimate } from '../engine/latency.js';
import { CLOUD_IDS } from '../model/cloud.js';
import { CATEGORIES, type Category, type LineItem } from '../model/line-item.js';
import { ZERO, type Decimal } from '../model/money.js';
import { groupPeriod, type Period } from '../model/period.js';
import type { ModelPlacement, Option, Scenario } from '../model/scenario.js';
import { TIME_BREAKDOWNS, type Breakdown } from './breakdown.js';
import { breakEven, netPresentValue, type BreakEven } from './break-even.js';
import { drivers, type Driver } from './drivers.js';
import { provenanceOf, type CatalogIdentity, type Provenance } from './provenance.js';
import { totalOf, totalsBy } from './totals.js';

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
  latency: OptionLatency;
  /** Against the cheapest (undefined for the cheapest itself) and the scenario's baseline. */
  breakEven: { cheapest: BreakEven | undefined; baseline: BreakEven | undefined };
  /** Net present value at the scenario's discount_rate, if it has one. */
  npv: Decimal | undefined;
  lineItems: LineItem[];
}

export interface Comparison {
  scenario: { name: string; file: string };
  currency: string;
  horizon: { start: Period; end: Period; months: number };
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
}

export interface CompareInput {
  scenario: Scenario;
  scenarioFile: string;
  catalog: CatalogIdentity;
  periods: Period[];
  lineItems: readonly LineItem[];
  fallbacks?: readonly FallbackUse[];
  latency?: readonly LatencyEstimate[];
  by?: Breakdown | undefined;
  unassessed?: readonly UnassessedPeriod[];
  /** The `--set` changes the scenario was run with. */
  whatIf?: readonly string[];
}

export function compare(input: CompareInput): Comparison {
  const { scenario, periods, by } = input;
  const months = periods.length;
  const groupOf = by === undefined ? undefined : grouping(by);
  const groups = by === undefined ? [] : groupKeys(by, scenario, periods, input.lineItems);
  const costs = scenario.options.map((option) => {
    const lineItems = input.lineItems.filter((item) => item.option === option.id);
    const total = totalOf(lineItems);
    return {
      id: option.id,
      description: option.description,
      placement: option.model,
      option,
      total,
      monthlyAverage: total.div(months),
      byCategory: inCategoryOrder(totalsBy(lineItems, (item) => item.category)),
      breakdown: groupOf === undefined ? undefined : groupCosts(lineItems, groups, groupOf),
      fallbacks: (input.fallbacks ?? []).filter((f) => f.option === option.id),
      latency: optionLatency(option, (input.latency ?? []).filter((l) => l.option === option.id)),
      lineItems,
    };
  });
  const reference = costs.reduce((min, c) => (c.total.lt(min.total) ? c : min), costs[0]!);
  const monthly = (items: readonly LineItem[]) => {
    const byMonth = totalsBy(items, (item) => item.period);
    return periods.map((p) => byMonth.get(p) ?? ZERO);
  };
  const baseline = costs.find((c) => c.id === scenario.baseline);
  const options: OptionCost[] = costs.map((c) => {
    const difference = c.total.minus(reference.total);
    const mine = monthly(c.lineItems);
    return {
      ...c,
      cheapest: difference.isZero(),
      difference,
      differenceRatio: reference.total.isZero() ? undefined : difference.div(reference.total),
      drivers: difference.isZero() ? [] : drivers(c.lineItems, reference.lineItems),
      breakEven: {
        cheapest: c === reference ? undefined : breakEven(mine, monthly(reference.lineItems), periods, reference.id),
        baseline: baseline === undefined || c === baseline ? undefined : breakEven(mine, monthly(baseline.lineItems), periods, baseline.id),
      },
      npv: scenario.discount_rate === undefined ? undefined : netPresentValue(mine, scenario.discount_rate),
    };
  });
  return {
    scenario: { name: scenario.name, file: input.scenarioFile },
    currency: scenario.currency,
    horizon: { start: periods[0]!, end: periods[months - 1]!, months },
    by,
    categories: CATEGORIES.filter((category) => options.some((o) => o.byCategory.has(category))),
    groups,
    reference: reference.id,
    options,
    provenance: provenanceOf(input.catalog, scenario, input.lineItems, input.whatIf),
    baseline: scenario.baseline,
    discountRate: scenario.discount_rate,
    unassessed: [...(input.unassessed ?? [])],
  };
}

function grouping(by: Breakdown): (item: LineItem) => string {
  switch (by) {
    case 'category':
      return (item) => item.category;
    case 'cloud':
      return (item) => item.cloud;
    case 'workload':
      return (item) => item.workload;
    default:
      return (item) => groupPeriod(item.period, by);
  }
}

/** Row keys in a reading order: time order, category order, cloud list order, scenario order. */
function groupKeys(by: Breakdown, scenario: Scenario, periods: readonly Period[], items: readonly LineItem[]): string[] {
  if ((TIME_BREAKDOWNS as readonly string[]).includes(by)) return unique(periods.map((p) => groupPeriod(p, by as (typeof TIME_BREAKDOWNS)[number])));
  const present = new Set(items.map(grouping(by)));
  const order = by === 'category' ? [...CATEGORIES] : by === 'cloud' ? [...CLOUD_IDS] : scenario.workloads.map((w) => w.id);
  return [...order.filter((key) => present.has(key)), ...[...present].filter((key) => !order.includes(key as never)).sort()];
}

function groupCosts(items: readonly LineItem[], keys: readonly string[], keyOf: (item: LineItem) => string): GroupCost[] {
  return keys.map((key) => {
    const inGroup = items.filter((item) => keyOf(item) === key);
    return { key, total: totalOf(inGroup), byCategory: inCategoryOrder(totalsBy(inGroup, (item) => item.category)) };
  });
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
