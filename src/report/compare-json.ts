/**
 * The compare report as JSON for CI and scripts. Money is exact decimal text, so each option's
 * total equals the sum of its line items to the last digit; only quotients are rounded
 * (monthlyAverage to 10 decimals, percent to 2).
 */
import type { BreakEven } from '../analysis/break-even.js';
import type { Comparison, GroupCost, OptionCost } from '../analysis/compare.js';
import type { LineItem } from '../model/line-item.js';
import { plain, type Decimal } from '../model/money.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import { unassessedJson } from './caveats.js';
import { msText, percentText, quotientText } from './numbers.js';
import { provenanceJson } from './provenance.js';
import type { Renderer } from './renderer.js';
import { replayedJson } from './replayed.js';
import { jsonPieces, StreamedArray } from './text-formats.js';

export const renderCompareAsJson: Renderer<Comparison> = (report, options) => {
  const json = {
    schemaVersion: SCHEMA_VERSION,
    scenario: report.scenario,
    currency: report.currency,
    horizon: report.horizon,
    ...(report.by === undefined ? {} : { by: report.by }),
    ...provenanceJson(report.provenance, report.currency),
    cheapest: report.options.filter((o) => o.cheapest).map((o) => o.id),
    reference: report.reference,
    ...(report.baseline === undefined ? {} : { baseline: report.baseline }),
    ...(report.discountRate === undefined ? {} : { discountRate: plain(report.discountRate) }),
    unassessedCommitmentPeriods: unassessedJson(report.unassessed),
    ...(report.replayed === undefined ? {} : { replayed: replayedJson(report.replayed) }),
    options: report.options.map((o) => optionJson(o, report.by, options.lineItems)),
  };
  return jsonPieces(json);
};

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Iterable<U> {
  for (const item of items) yield f(item);
}

/** JSON field and row key name of each breakdown; categories are always in byCategory. */
const BREAKDOWN_FIELDS: Record<string, [string, string]> = {
  month: ['byPeriod', 'period'],
  quarter: ['byPeriod', 'period'],
  year: ['byPeriod', 'period'],
  cloud: ['byCloud', 'cloud'],
  workload: ['byWorkload', 'workload'],
  model: ['byModel', 'model'],
};

function optionJson(option: OptionCost, by: Comparison['by'], withLineItems: boolean) {
  const field = by === undefined ? undefined : BREAKDOWN_FIELDS[by];
  return {
    id: option.id,
    ...(option.description === undefined ? {} : { description: option.description }),
    placement: option.placement,
    total: plain(option.total),
    monthlyAverage: quotientText(option.monthlyAverage),
    byCategory: categoryJson(option.byCategory),
    cheapest: option.cheapest,
    differenceFromCheapest: {
      amount: plain(option.difference),
      percent: option.differenceRatio === undefined ? null : percentText(option.differenceRatio),
    },
    drivers: option.drivers.map((d) => ({ category: d.category, amount: plain(d.amount) })),
    fallbacks: option.fallbacks.map((f) => ({ workload: f.workload, placement: f.placement, months: f.months })),
    ...(option.provisioned.length === 0
      ? {}
      : {
          provisioned: option.provisioned.map((p) => ({
            model: p.model,
            units: { fewest: plain(p.fewestUnits), most: plain(p.mostUnits) },
            capacity: plain(p.capacity),
            demand: plain(p.demand),
            served: plain(p.served),
            utilisationPercent: p.capacity.isZero() ? null : percentText(p.served.div(p.capacity)),
            spilledPercent: p.demand.isZero() ? null : percentText(p.demand.minus(p.served).div(p.demand)),
          })),
        }),
    breakEven: { cheapest: breakEvenJson(option.breakEven.cheapest), baseline: breakEvenJson(option.breakEven.baseline) },
    ...(option.npv === undefined ? {} : { npv: quotientText(option.npv) }),
    latency: option.latency.applicable ? { msPerTurn: option.latency.msPerTurn === undefined ? null : msText(option.latency.msPerTurn), unknownPairs: option.latency.unknownPairs } : null,
    ...(field === undefined || option.breakdown === undefined ? {} : { [field[0]]: option.breakdown.map((g) => groupJson(g, field[1])) }),
    // written item by item: a million line items would not fit in one string
    ...(withLineItems ? { lineItems: new StreamedArray(mapped(option.lineItems, lineItemJson)) } : {}),
  };
}

function breakEvenJson(b: BreakEven | undefined) {
  return b === undefined ? null : { against: b.against, outcome: b.outcome, month: b.month ?? null, crossings: b.crossings };
}

function categoryJson(byCategory: Map<string, Decimal>): Record<string, string> {
  return Object.fromEntries([...byCategory].map(([category, amount]) => [category, plain(amount)]));
}

function groupJson(group: GroupCost, name: string) {
  return { [name]: group.key, total: plain(group.total), byCategory: categoryJson(group.byCategory) };
}

function lineItemJson(item: LineItem) {
  return {
    workload: item.workload,
    period: item.period,
    cloud: item.cloud,
    region: item.region,
    category: item.category,
    service: item.service,
    ...(item.model === undefined ? {} : { model: item.model }),
    ...(item.vendor === undefined ? {} : { vendor: item.vendor }),
    meter: item.meter,
    quantity: plain(item.quantity),
    unit: item.unit,
    unitPrice: plain(item.unitPrice),
    cost: plain(item.cost),
    ...(item.priceRef === undefined
      ? { basis: item.basis ?? null }
      : { priceRef: `${item.priceRef.file}:${item.priceRef.line}`, priceSource: item.priceRef.source, priceAsOf: item.priceRef.asOf, ...(item.basis === undefined ? {} : { basis: item.basis }) }),
    ...(item.payee === undefined ? {} : { payee: item.payee }),
  };
}
