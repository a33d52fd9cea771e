/**
 * The compare report: each option's cost over the horizon, side by side, by category and
 * (optionally) by month, quarter or year, with the cheapest marked and every other option's
 * difference from it. Everything is a sum of line items; nothing here is rounded.
 */
import { CATEGORIES, type Category, type LineItem, type PriceRef } from '../model/line-item.js';
import type { Decimal } from '../model/money.js';
import { groupPeriod, type Period, type PeriodGrouping } from '../model/period.js';
import type { ModelPlacement, Scenario } from '../model/scenario.js';
import { totalOf, totalsBy } from './totals.js';

export interface PeriodCost {
  /** "2027-03", "2027-Q1" or "2027" */
  period: string;
  total: Decimal;
  byCategory: Map<Category, Decimal>;
}

export interface OptionCost {
  id: string;
  description: string | undefined;
  placement: ModelPlacement;
  total: Decimal;
  /** total ÷ months of the horizon */
  monthlyAverage: Decimal;
  byCategory: Map<Category, Decimal>;
  byPeriod: PeriodCost[] | undefined;
  cheapest: boolean;
  /** How much more than the cheapest option; zero for the cheapest. */
  difference: Decimal;
  /** difference ÷ the cheapest total; undefined when the cheapest costs nothing. */
  differenceRatio: Decimal | undefined;
  lineItems: LineItem[];
}

export interface CatalogUse {
  files: string[];
  rowsUsed: number;
  oldestAsOf: string | undefined;
  newestAsOf: string | undefined;
}

export interface Comparison {
  scenario: { name: string; file: string };
  currency: string;
  horizon: { start: Period; end: Period; months: number };
  by: PeriodGrouping | undefined;
  /** Categories that occur in any option, in the canonical order. */
  categories: Category[];
  /** Bucket labels in time order, when `by` is set. */
  periods: string[];
  options: OptionCost[];
  catalog: CatalogUse;
}

export interface CompareInput {
  scenario: Scenario;
  scenarioFile: string;
  catalogFiles: string[];
  periods: Period[];
  lineItems: readonly LineItem[];
  by?: PeriodGrouping | undefined;
}

export function compare(input: CompareInput): Comparison {
  const { scenario, periods, by } = input;
  const months = periods.length;
  const costs = scenario.options.map((option) => {
    const lineItems = input.lineItems.filter((item) => item.option === option.id);
    const total = totalOf(lineItems);
    return {
      id: option.id,
      description: option.description,
      placement: option.model,
      total,
      monthlyAverage: total.div(months),
      byCategory: inCategoryOrder(totalsBy(lineItems, (item) => item.category)),
      byPeriod: by === undefined ? undefined : periodCosts(lineItems, periods, by),
      lineItems,
    };
  });
  const cheapestTotal = costs.reduce((min, c) => (c.total.lt(min) ? c.total : min), costs[0]!.total);
  const options: OptionCost[] = costs.map((c) => {
    const difference = c.total.minus(cheapestTotal);
    return {
      ...c,
      cheapest: difference.isZero(),
      difference,
      differenceRatio: cheapestTotal.isZero() ? undefined : difference.div(cheapestTotal),
    };
  });
  return {
    scenario: { name: scenario.name, file: input.scenarioFile },
    currency: scenario.currency,
    horizon: { start: periods[0]!, end: periods[months - 1]!, months },
    by,
    categories: CATEGORIES.filter((category) => options.some((o) => o.byCategory.has(category))),
    periods: by === undefined ? [] : unique(periods.map((p) => groupPeriod(p, by))),
    options,
    catalog: catalogUse(input.catalogFiles, input.lineItems),
  };
}

function periodCosts(items: readonly LineItem[], periods: readonly Period[], by: PeriodGrouping): PeriodCost[] {
  const buckets = new Map<string, LineItem[]>(unique(periods.map((p) => groupPeriod(p, by))).map((bucket) => [bucket, []]));
  for (const item of items) buckets.get(groupPeriod(item.period, by))!.push(item);
  return [...buckets].map(([period, bucketItems]) => ({
    period,
    total: totalOf(bucketItems),
    byCategory: inCategoryOrder(totalsBy(bucketItems, (item) => item.category)),
  }));
}

function inCategoryOrder(totals: Map<Category, Decimal>): Map<Category, Decimal> {
  return new Map(CATEGORIES.filter((c) => totals.has(c)).map((c) => [c, totals.get(c)!]));
}

function catalogUse(files: string[], items: readonly LineItem[]): CatalogUse {
  const rows = new Map<string, PriceRef>();
  for (const item of items) rows.set(`${item.priceRef.file}:${item.priceRef.line}`, item.priceRef);
  const dates = [...rows.values()].map((ref) => ref.asOf).sort();
  return { files, rowsUsed: rows.size, oldestAsOf: dates[0], newestAsOf: dates[dates.length - 1] };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
