/**
 * Finds the catalog rows that price a key in a month. A row covers the days of its window
 * [effective_from, effective_to); a month can be covered by several rows when a price changes
 * mid-month, and each then prices its share of the month's days.
 *
 * Example: a price cut effective 2026-07-30 gives July two segments, 29 days at the old price
 * and 2 days at the new one.
 *
 * Rows for the exact region win over `*` rows for the same cloud, deployment, tier and model.
 *
 * Long-context tiers are keys of their own (`prompt_over`); `indexPromptTiers` says which one a
 * prompt length falls in: the highest threshold below it.
 */
import { ANY_REGION, type Catalog } from '../model/catalog.js';
import { groupBy } from '../model/group-by.js';
import { formatKey, type ModelPrice, type PriceKey } from '../model/model-price.js';
import type { Decimal } from '../model/money.js';
import { daysBetween, daysInMonth, type IsoDate, type Period } from '../model/period.js';
import { daysIn, wholeMonth, type DaySpan } from './day-split.js';

export interface PriceSegment {
  price: ModelPrice;
  days: number;
}

export type MonthPrices = { segments: PriceSegment[] } | { missing: string };

/** The rows pricing a key in a month: all its days, or only `spans` of them (a placement that serves part of the month). */
export type PriceIndex = (key: PriceKey, period: Period, spans?: readonly DaySpan[]) => MonthPrices;

/**
 * Each key's month is looked up once: a thousand workloads on one model share their answers.
 * A caller that asks with the same key object month after month finds them without building
 * the key's text again.
 */
export function indexPrices(catalog: Catalog): PriceIndex {
  const byKey = groupBy(catalog.models, formatKey);
  const byText = new Map<string, Map<Period, MonthPrices>>();
  const byObject = new WeakMap<PriceKey, Map<Period, MonthPrices>>();
  const monthsOf = (key: PriceKey) => {
    const text = formatKey(key);
    const months = byText.get(text) ?? new Map<Period, MonthPrices>();
    byText.set(text, months);
    byObject.set(key, months);
    return months;
  };
  const rowsOf = (key: PriceKey) => byKey.get(formatKey(key)) ?? byKey.get(formatKey({ ...key, region: ANY_REGION }));
  return (key, period, spans) => {
    if (spans !== undefined) {
      const rows = rowsOf(key);
      return rows === undefined ? { missing: `no price for ${formatKey(key)} in ${period} (${alternatives(catalog, key)})` } : pricesWithin(rows, period, spans, formatKey(key));
    }
    const months = byObject.get(key) ?? monthsOf(key);
    const known = months.get(period);
    if (known !== undefined) return known;
    const rows = rowsOf(key);
    const prices = rows === undefined ? { missing: `no price for ${formatKey(key)} in ${period} (${alternatives(catalog, key)})` } : pricesWithin(rows, period, [wholeMonth(period)], formatKey(key));
    months.set(period, prices);
    return prices;
  };
}

/**
 * The long-context threshold a call with `prompt` tokens is priced at: the highest `prompt_over`
 * below it among the key's rows (the exact region's if it has tiers, else the `*` rows'), in any window, so a
 * tier missing in some month is reported as a missing price rather than billed at the ordinary
 * rate. Undefined when no threshold is below it: the ordinary prices apply.
 */
export function indexPromptTiers(catalog: Catalog): (key: PriceKey, prompt: Decimal) => Decimal | undefined {
  const base = (key: PriceKey) => formatKey({ ...key, promptOver: undefined });
  const thresholds = new Map<string, Decimal[]>();
  for (const row of catalog.models) {
    const text = base(row);
    const known = thresholds.get(text) ?? [];
    thresholds.set(text, known);
    if (row.promptOver !== undefined && !known.some((t) => t.eq(row.promptOver!))) known.push(row.promptOver);
  }
  return (key, prompt) => {
    const exact = thresholds.get(base(key));
    const tiers = exact !== undefined && exact.length > 0 ? exact : (thresholds.get(base({ ...key, region: ANY_REGION })) ?? []);
    let chosen: Decimal | undefined;
    for (const over of tiers) if (prompt.gt(over) && (chosen === undefined || over.gt(chosen))) chosen = over;
    return chosen;
  };
}

/** What the catalog does have for this model on this cloud, to point at a likely typo. */
function alternatives(catalog: Catalog, key: PriceKey): string {
  const near = catalog.models.filter((row) => row.cloud === key.cloud && row.model === key.model).map(formatKey);
  if (near.length === 0) return `the catalog has no ${key.model} price on ${key.cloud}`;
  return `the catalog has ${key.model} on ${key.cloud} as ${[...new Set(near)].join(', ')}`;
}

function pricesWithin(rows: readonly ModelPrice[], period: Period, spans: readonly DaySpan[], key: string): MonthPrices {
  const segments: (PriceSegment & { from: IsoDate })[] = [];
  for (const span of spans) {
    for (const price of rows) {
      const from = max(price.effectiveFrom ?? span.from, span.from);
      const to = min(price.effectiveTo ?? span.to, span.to);
      if (from < to) segments.push({ price, days: daysBetween(from, to), from });
    }
  }
  segments.sort((a, b) => a.from.localeCompare(b.from));
  const covered = segments.reduce((days, s) => days + s.days, 0);
  const needed = daysIn(spans);
  if (covered < needed) {
    const whole = needed === daysInMonth(period);
    const days = whole ? `its ${needed} days` : `the ${needed} days from ${spans[0]!.from} it is used`;
    const priced = segments.length === 0 ? (whole ? 'no day of it is priced' : `none of ${days} is priced`) : `only ${covered} of ${days} are priced`;
    return { missing: `no price for ${key} in ${period} (${priced}; ${windows(rows)})` };
  }
  return { segments: segments.map(({ price, days }) => ({ price, days })) };
}

function windows(rows: readonly ModelPrice[]): string {
  const listed = rows.map((r) => `${r.effectiveFrom ?? '…'} to ${r.effectiveTo ?? '…'} at ${r.ref.file}:${r.ref.line}`);
  return `catalog rows cover ${listed.join(', ')}`;
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);
