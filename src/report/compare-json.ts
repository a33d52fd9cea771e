/**
 * The compare report as JSON for CI and scripts. Money is exact decimal text, so each option's
 * total equals the sum of its line items to the last digit; only quotients are rounded
 * (monthlyAverage to 10 decimals, percent to 2).
 */
import type { Comparison, OptionCost, PeriodCost } from '../analysis/compare.js';
import type { LineItem } from '../model/line-item.js';
import { plain, type Decimal } from '../model/money.js';
import { percentText, quotientText } from './numbers.js';
import type { Renderer } from './renderer.js';

export const COMPARE_SCHEMA_VERSION = 1;

export const renderCompareAsJson: Renderer<Comparison> = (report, options) => {
  const json = {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    scenario: report.scenario,
    currency: report.currency,
    horizon: report.horizon,
    ...(report.by === undefined ? {} : { by: report.by }),
    catalog: report.catalog,
    cheapest: report.options.filter((o) => o.cheapest).map((o) => o.id),
    options: report.options.map((o) => optionJson(o, options.lineItems)),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
};

function optionJson(option: OptionCost, withLineItems: boolean) {
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
    ...(option.byPeriod === undefined ? {} : { byPeriod: option.byPeriod.map(periodJson) }),
    ...(withLineItems ? { lineItems: option.lineItems.map(lineItemJson) } : {}),
  };
}

function categoryJson(byCategory: Map<string, Decimal>): Record<string, string> {
  return Object.fromEntries([...byCategory].map(([category, amount]) => [category, plain(amount)]));
}

function periodJson(period: PeriodCost) {
  return { period: period.period, total: plain(period.total), byCategory: categoryJson(period.byCategory) };
}

function lineItemJson(item: LineItem) {
  return {
    workload: item.workload,
    period: item.period,
    cloud: item.cloud,
    region: item.region,
    category: item.category,
    service: item.service,
    model: item.model,
    quantity: plain(item.quantity),
    unit: item.unit,
    unitPrice: plain(item.unitPrice),
    cost: plain(item.cost),
    priceRef: `${item.priceRef.file}:${item.priceRef.line}`,
    priceSource: item.priceRef.source,
    priceAsOf: item.priceRef.asOf,
  };
}
