/**
 * Prices a workload's token usage at one option's model placement: each month's uncached
 * input, cached input and output become line items at the catalog rows in effect, with a
 * month split across rows by days when a price changes within it.
 *
 *   cost = tokens × price per 1M ÷ 1 000 000, exact (whole tokens, decimal prices)
 *   e.g. 1 650 000 input tokens at 2.50 per 1M = 4.125
 */
import { CLOUDS, type Tier } from '../model/cloud.js';
import { formatKey, type ModelPrice } from '../model/catalog.js';
import type { Category, LineItem } from '../model/line-item.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { dec, type Decimal } from '../model/money.js';
import { daysInMonth } from '../model/period.js';
import type { Option, Workload } from '../model/scenario.js';
import type { PriceIndex, PriceSegment } from './price-lookup.js';
import type { TokenUsage } from './token-usage.js';

const PER_MILLION = dec('1000000');

export interface TokenPricing {
  option: Option;
  optionIndex: number;
  workload: Workload;
  currency: string;
  prices: PriceIndex;
}

export function priceTokens(pricing: TokenPricing, usage: readonly TokenUsage[]): { lineItems: LineItem[]; problems: Diagnostic[] } {
  const { option, optionIndex, workload } = pricing;
  const placement = option.model;
  const where = ['options', optionIndex, 'model'];
  const lineItems: LineItem[] = [];
  // one problem per cause, at its first month, counting the months it recurs in
  const problems = new Map<string, { message: string; months: Set<string> }>();
  let period = '';
  const report = (cause: string, message: string) => {
    const seen = problems.get(cause) ?? { message, months: new Set<string>() };
    problems.set(cause, seen);
    seen.months.add(period);
  };

  for (const month of usage) {
    period = month.period;
    const tier: Tier = month.processing === 'batch' ? 'batch' : placement.tier;
    const key = { cloud: placement.cloud, region: placement.region, deployment: placement.deployment, tier, model: workload.model };
    const found = pricing.prices(key, month.period);
    if ('missing' in found) {
      report(formatKey(key), `${found.missing}, needed by workload "${workload.id}"${month.processing === 'batch' ? ' for its batch share' : ''}`);
      continue;
    }
    const quantities: [Category, Decimal][] = [
      ['tokens.input', month.uncachedInput],
      ['tokens.cached', month.cachedInput],
      ['tokens.output', month.output],
    ];
    for (const [category, tokens] of quantities) {
      if (tokens.isZero()) continue;
      const shares = splitByDays(tokens, found.segments, daysInMonth(month.period));
      found.segments.forEach(({ price }, i) => {
        const quantity = shares[i]!;
        if (quantity.isZero()) return;
        const perMillion = unitPriceOf(price, category);
        if (perMillion === undefined) {
          report(`cached ${price.ref.line}`, `${price.ref.file}:${price.ref.line} has no cached_input price for ${key.model} on ${key.cloud}, but workload "${workload.id}" caches part of its input (set its cached_share to 0% or price cached input)`);
          return;
        }
        if (price.currency !== pricing.currency) {
          report(`currency ${price.ref.line}`, `${price.ref.file}:${price.ref.line} is priced in ${price.currency} but the scenario reports in ${pricing.currency}, and no exchange rate is defined`);
          return;
        }
        lineItems.push({
          option: option.id,
          workload: workload.id,
          period: month.period,
          cloud: placement.cloud,
          region: placement.region,
          category,
          service: CLOUDS[placement.cloud].tokenService,
          model: workload.model,
          quantity,
          unit: 'tokens',
          unitPrice: perMillion.div(PER_MILLION),
          cost: quantity.times(perMillion).div(PER_MILLION),
          priceRef: { file: price.ref.file, line: price.ref.line, source: price.source, asOf: price.asOf },
        });
      });
    }
  }
  return {
    lineItems,
    problems: [...problems.values()].map(({ message, months }) => ({
      path: where,
      message: months.size === 1 ? message : `${message}; and in ${months.size - 1} more month${months.size > 2 ? 's' : ''}`,
    })),
  };
}

function unitPriceOf(price: ModelPrice, category: Category): Decimal | undefined {
  switch (category) {
    case 'tokens.input':
      return price.input;
    case 'tokens.cached':
      return price.cachedInput;
    case 'tokens.output':
      return price.output;
  }
}

/**
 * Splits whole tokens across price segments by days, the last segment taking the remainder so
 * the parts always add up: 3 100 tokens over 29 + 2 days of July = 2 900 + 200.
 */
export function splitByDays(tokens: Decimal, segments: readonly PriceSegment[], days: number): Decimal[] {
  let rest = tokens;
  return segments.map((segment, i) => {
    if (i === segments.length - 1) return rest;
    const share = tokens.times(segment.days).div(days).toDecimalPlaces(0);
    rest = rest.minus(share);
    return share;
  });
}
