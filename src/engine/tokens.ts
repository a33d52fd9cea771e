/**
 * Prices a workload's token usage at one option's model placement: each month's uncached
 * input, cached input and output become line items at the catalog rows in effect, with a
 * month split across rows by days when a price changes within it.
 *
 *   cost = tokens × price per 1M ÷ 1 000 000, exact (whole tokens, decimal prices)
 *   e.g. 1 650 000 input tokens at 2.50 per 1M = 4.125
 */
import { CLOUDS, formatLocation, type Tier } from '../model/cloud.js';
import { formatKey, type CacheTtl, type ModelPrice, type PriceKey } from '../model/model-price.js';
import { ChargedLineItem, unitPriceParts, type Category, type LineItem, type UnitCharge } from '../model/line-item.js';
import { dec, finite, ZERO, type Decimal } from '../model/money.js';
import { daysInMonth, type Period } from '../model/period.js';
import { vendorOf } from '../model/party.js';
import type { ModelPlacement, Option, Workload } from '../model/scenario.js';
import { missingRate, type Exchange } from './fx.js';
import type { MonthPlacement } from './placements.js';
import type { Problems } from './problems.js';
import type { PriceIndex, PriceSegment } from './price-lookup.js';
import type { TokenUsage } from './token-usage.js';

const PER_MILLION = dec('1000000');

export interface TokenPricing {
  option: Option;
  workload: Workload;
  currency: string;
  exchange: Exchange;
  prices: PriceIndex;
  /** The long-context tier a prompt length falls in, for calls with long prompts. */
  promptTiers: (key: PriceKey, prompt: Decimal) => Decimal | undefined;
  /** Where the model runs each month (the option's placement, or its fallback). */
  placements: ReadonlyMap<Period, MonthPlacement>;
}

const CATEGORY_WORDS: Record<string, string> = { 'tokens.input': 'input', 'tokens.cached': 'cached input', 'tokens.cache-write': 'cache write', 'tokens.output': 'output' };

export function priceTokens(pricing: TokenPricing, usage: readonly TokenUsage[], problems: Problems): LineItem[] {
  const { workload } = pricing;
  const lineItems: LineItem[] = [];
  const caches = workload.tokens_per_call.cached_share.gt(0);
  const writes = workload.tokens_per_call.cache_write_share.gt(0);
  const charges = chargesOf(pricing);
  // one key object per placement, tier and prompt tier, so charges and months can be found by it
  const keys = new Map<string, PriceKey>();
  const keyOf = (model: ModelPlacement, tier: Tier, prompt: Decimal | undefined): PriceKey => {
    const plain: PriceKey = { cloud: model.cloud, region: model.region, deployment: model.deployment, tier, model: workload.model };
    const promptOver = prompt === undefined ? undefined : pricing.promptTiers(plain, prompt);
    const text = `${formatLocation(model)} ${model.deployment} ${tier} ${promptOver?.toFixed() ?? ''}`;
    const key = keys.get(text) ?? (promptOver === undefined ? plain : { ...plain, promptOver });
    keys.set(text, key);
    return key;
  };

  for (const month of usage) {
    const placement = pricing.placements.get(month.period);
    if (placement === undefined) continue; // not available there: reported by placements
    const where = placement.path;
    const key = keyOf(placement.model, month.processing === 'batch' ? 'batch' : placement.model.tier, month.prompt);
    const found = pricing.prices(key, month.period);
    if ('missing' in found) {
      const why = month.processing === 'batch' ? ' for its batch share' : month.prompt === undefined ? '' : ` for its calls with ${month.prompt.toFixed()}-token prompts`;
      problems.add(where, formatKey(key), month.period, `${found.missing}, needed by workload "${workload.id}"${why}`);
      continue;
    }
    for (const { price } of found.segments) {
      const row = () => `${price.ref.file}:${price.ref.line}`;
      if (pricing.exchange(price.currency) === undefined) problems.add(where, `currency ${row()}`, month.period, missingRate(row(), price.currency, pricing.currency));
      if (caches && price.cachedInput === undefined) {
        problems.add(
          where,
          `cached ${row()}`,
          month.period,
          `${row()} has no cached_input price for ${key.model} on ${key.cloud}, but workload "${workload.id}" caches part of its input (set its cached_share to 0% or price cached input)`,
        );
      }
      if (writes && writeColumn(price, workload.tokens_per_call.cache_ttl).price === undefined) {
        const column = writeColumn(price, workload.tokens_per_call.cache_ttl).column;
        problems.add(
          where,
          `cache write ${row()}`,
          month.period,
          `${row()} has no ${column} price for ${key.model} on ${key.cloud}, but workload "${workload.id}" writes part of its input to the prompt cache (set its cache_write_share to 0%, choose another cache_ttl, or price cache writes)`,
        );
      }
    }
    const quantities: [Category, bigint][] = [
      ['tokens.input', month.uncachedInput],
      ['tokens.cached', month.cachedInput],
      ['tokens.cache-write', month.cacheWrite],
      ['tokens.output', month.output],
    ];
    // days matter only to split a month between rows
    const days = found.segments.length === 1 ? 0 : daysInMonth(month.period);
    for (const [category, tokens] of quantities) {
      if (tokens === 0n) continue;
      const shares = splitByDays(tokens, found.segments, days);
      found.segments.forEach(({ price }, i) => {
        const units = shares[i]!;
        if (units === 0n) return;
        const charge = charges(price, category, key);
        if (charge !== undefined) lineItems.push(new ChargedLineItem(charge, month.period, units));
      });
    }
  }
  return lineItems;
}

/** The column that prices a cache write kept for `ttl`, and its price at this row. */
function writeColumn(price: ModelPrice, ttl: CacheTtl): { column: string; price: Decimal | undefined } {
  return ttl === '1h' ? { column: 'cache_write_1h', price: price.cacheWrite1h } : { column: 'cache_write', price: price.cacheWrite };
}

/**
 * A workload's charges at an option, built once per catalog row and category: a line item
 * differs from its row's others only in its month and tokens, and 900 000 of them must not each
 * rebuild the same meter text, price reference and unit price. Undefined when the row has no
 * price for the category or no exchange rate (both reported as problems).
 */
function chargesOf(pricing: TokenPricing): (price: ModelPrice, category: Category, key: PriceKey) => UnitCharge | undefined {
  const { option, workload } = pricing;
  const vendor = workload.vendor ?? vendorOf(workload.model);
  const built = new Map<PriceKey, Map<ModelPrice, Map<Category, UnitCharge | undefined>>>();
  return (price, category, key) => {
    const byPrice = built.get(key) ?? new Map<ModelPrice, Map<Category, UnitCharge | undefined>>();
    built.set(key, byPrice);
    const byCategory = byPrice.get(price) ?? new Map<Category, UnitCharge | undefined>();
    byPrice.set(price, byCategory);
    if (byCategory.has(category)) return byCategory.get(category);
    const listed = unitPriceOf(price, category, workload.tokens_per_call.cache_ttl);
    const rate = pricing.exchange(price.currency);
    const unitPrice = listed === undefined || rate === undefined ? undefined : finite(listed.times(rate).div(PER_MILLION), 'unit price');
    const charge: UnitCharge | undefined =
      unitPrice === undefined
        ? undefined
        : {
            option: option.id,
            workload: workload.id,
            cloud: key.cloud,
            region: key.region,
            category,
            service: CLOUDS[key.cloud].tokenService,
            model: workload.model,
            vendor,
            meter: `${workload.model} ${CATEGORY_WORDS[category]} tokens${category === 'tokens.cache-write' ? ` (${workload.tokens_per_call.cache_ttl})` : ''}, ${key.deployment} ${key.tier}${key.promptOver === undefined ? '' : `, prompts over ${key.promptOver.toFixed()}`}`,
            unit: 'tokens',
            unitPrice,
            ...unitPriceParts(unitPrice),
            priceRef: { file: price.ref.file, line: price.ref.line, source: price.source, asOf: price.asOf },
            fx: price.currency === pricing.currency ? undefined : { currency: price.currency, rate: rate! },
            basis: undefined,
            payee: undefined,
          };
    byCategory.set(category, charge);
    return charge;
  };
}

function unitPriceOf(price: ModelPrice, category: Category, ttl: CacheTtl): Decimal | undefined {
  switch (category) {
    case 'tokens.input':
      return price.input;
    case 'tokens.cached':
      return price.cachedInput;
    case 'tokens.cache-write':
      return writeColumn(price, ttl).price;
    case 'tokens.output':
      return price.output;
  }
}

/**
 * Splits whole tokens across price segments by days, so the parts add up to the month: each
 * segment first gets its share of the days rounded down, then the few tokens left (fewer than
 * there are segments) go one at a time to the segment with the most days per token it already
 * has (D'Hondt, the earlier segment on a tie).
 *
 *   3 100 tokens over 29 + 2 days of July = 2 900 + 200 (exact shares need no rounding)
 *   2 tokens over 8 + 8 + 8 + 7 days = 1 + 1 + 0 + 0
 *
 * Rounding each share on its own and giving the last the remainder, the obvious way, can leave
 * the last segment a negative share (2 over 8+8+8+7 days: 1 + 1 + 1 − 1), and can take a token
 * from a segment when the month's tokens rise; a divisor method does neither, so a month's cost
 * never falls when its usage rises.
 */
export function splitByDays(tokens: bigint, segments: readonly PriceSegment[], days: number): bigint[] {
  if (segments.length === 1) return [tokens];
  const shares = segments.map((segment) => (tokens * BigInt(segment.days)) / BigInt(days));
  // fewer tokens than segments are left
  for (let left = tokens - shares.reduce((a, b) => a + b, 0n); left > 0n; left--) {
    let best = 0;
    // days_i / (share_i + 1) > days_best / (share_best + 1), compared without dividing
    for (let i = 1; i < segments.length; i++) {
      if ((shares[best]! + 1n) * BigInt(segments[i]!.days) > (shares[i]! + 1n) * BigInt(segments[best]!.days)) best = i;
    }
    shares[best]! += 1n;
  }
  return shares;
}
