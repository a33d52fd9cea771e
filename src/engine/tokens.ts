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
import { dec, finite, type Decimal } from '../model/money.js';
import type { Period } from '../model/period.js';
import { splitByDays } from './day-split.js';
import { vendorOf } from '../model/party.js';
import type { ModelPlacement, Option, Workload } from '../model/scenario.js';
import { missingRate, type Exchange } from './fx.js';
import type { PriceAdjustment, PriceChanges } from './price-changes.js';
import type { MonthPlacement } from './placements.js';
import type { Problems } from './problems.js';
import type { PriceIndex } from './price-lookup.js';
import type { TokenUsage } from './token-usage.js';

const PER_MILLION = dec('1000000');

/**
 * Who buys the tokens: a scenario's workload (`buyerOf`), or a model's replayed requests
 * (engine/replay.ts). Line items are filed under its id.
 */
export interface TokenBuyer {
  id: string;
  model: string;
  /** Who makes the model; undefined for open-weights models. */
  vendor: string | undefined;
  /** Some input is read from the prompt cache, so every row must price cached input. */
  caches: boolean;
  /** Some input is written to the prompt cache, kept for `cacheTtl`, so every row must price that. */
  writes: boolean;
  cacheTtl: CacheTtl;
}

export function buyerOf(workload: Workload): TokenBuyer {
  const { cached_share: cached, cache_write_share: written, cache_ttl: cacheTtl } = workload.tokens_per_call;
  return { id: workload.id, model: workload.model, vendor: workload.vendor ?? vendorOf(workload.model), caches: cached.gt(0), writes: written.gt(0), cacheTtl };
}

export interface TokenPricing {
  option: Option;
  workload: TokenBuyer;
  currency: string;
  exchange: Exchange;
  prices: PriceIndex;
  /** The long-context tier a prompt length falls in, for calls with long prompts. */
  promptTiers: (key: PriceKey, prompt: Decimal) => Decimal | undefined;
  /** Where the model runs each month (the option's placement, or its fallback). */
  placements: ReadonlyMap<Period, readonly MonthPlacement[]>;
  /** The scenario's expected price changes for a key in a month (price-changes.ts). */
  adjust: PriceChanges['adjust'];
}

const CATEGORY_WORDS: Record<string, string> = { 'tokens.input': 'input', 'tokens.cached': 'cached input', 'tokens.cache-write': 'cache write', 'tokens.output': 'output' };

export function priceTokens(pricing: TokenPricing, usage: readonly TokenUsage[], problems: Problems): LineItem[] {
  const lineItems: LineItem[] = [];
  const charges = chargesOf(pricing);
  const keyOf = keysOf(pricing);

  for (const month of usage) {
    const segments = monthSegments(pricing, month, keyOf, problems);
    if (segments.length === 0) continue;
    const quantities: [Category, bigint][] = [
      ['tokens.input', month.uncachedInput],
      ['tokens.cached', month.cachedInput],
      ['tokens.cache-write', month.cacheWrite],
      ['tokens.output', month.output],
    ];
    // looked up whatever the tokens, as prices are: a change that applies to a key is in use
    const adjustments = segments.map(({ key }) => pricing.adjust(key, month.period));
    for (const [category, tokens] of quantities) {
      if (tokens === 0n) continue;
      const shares = splitByDays(tokens, segments);
      segments.forEach(({ key, price }, i) => {
        const units = shares[i]!;
        if (units === 0n) return;
        const charge = charges(price, category, key, adjustments[i]);
        if (charge !== undefined) lineItems.push(new ChargedLineItem(charge, month.period, units));
      });
    }
  }
  return lineItems;
}

/** A price key for a placement, tier and prompt length; one object per key, so charges can be found by it. */
export type KeyOf = (model: ModelPlacement, tier: Tier, prompt: Decimal | undefined) => PriceKey;

export function keysOf(pricing: TokenPricing): KeyOf {
  const keys = new Map<string, PriceKey>();
  return (model, tier, prompt) => {
    const plain: PriceKey = { cloud: model.cloud, region: model.region, deployment: model.deployment, tier, model: pricing.workload.model };
    const promptOver = prompt === undefined ? undefined : pricing.promptTiers(plain, prompt);
    const text = `${formatLocation(model)} ${model.deployment} ${tier} ${promptOver?.toFixed() ?? ''}`;
    const key = keys.get(text) ?? (promptOver === undefined ? plain : { ...plain, promptOver });
    keys.set(text, key);
    return key;
  };
}

export interface Segment {
  key: PriceKey;
  price: ModelPrice;
  /** The month's days this catalog row bills. */
  days: number;
}

/** Every (placement, catalog row) that bills some of the month's days; what is missing goes to `problems`. */
export function monthSegments(pricing: TokenPricing, month: Pick<TokenUsage, 'period' | 'processing' | 'prompt'>, keyOf: KeyOf, problems: Problems): Segment[] {
  const { workload } = pricing;
  const { caches, writes } = workload;
  const parts = pricing.placements.get(month.period);
  if (parts === undefined) return []; // not available there: reported by placements
  const segments: Segment[] = [];
  for (const placement of parts) {
    const where = placement.path;
    const key = keyOf(placement.model, month.processing === 'batch' ? 'batch' : placement.model.tier, month.prompt);
    const found = pricing.prices(key, month.period, parts.length === 1 ? undefined : placement.spans);
    if ('missing' in found) {
      const why = month.processing === 'batch' ? ' for its batch share' : month.prompt === undefined ? '' : ` for its calls with ${month.prompt.toFixed()}-token prompts`;
      problems.add(where, formatKey(key), month.period, `${found.missing}, needed by workload "${workload.id}"${why}`);
      continue;
    }
    for (const { price, days } of found.segments) {
      segments.push({ key, price, days });
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
      const write = writeColumn(price, workload.cacheTtl);
      if (writes && write.price === undefined) {
        problems.add(
          where,
          `cache write ${row()}`,
          month.period,
          `${row()} has no ${write.column} price for ${key.model} on ${key.cloud}, but workload "${workload.id}" writes part of its input to the prompt cache (set its cache_write_share to 0%, choose another cache_ttl, or price cache writes)`,
        );
      }
    }
  }
  return segments;
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
export function chargesOf(pricing: Pick<TokenPricing, 'option' | 'workload' | 'currency' | 'exchange'>): (price: ModelPrice, category: Category, key: PriceKey, adjustment: PriceAdjustment | undefined) => UnitCharge | undefined {
  const { option, workload } = pricing;
  const vendor = workload.vendor;
  // by key, row, price change (one PriceAdjustment object per key and month, so few) and category
  const built = new Map<PriceKey, Map<ModelPrice, Map<PriceAdjustment | undefined, Map<Category, UnitCharge | undefined>>>>();
  return (price, category, key, adjustment) => {
    const byPrice = built.get(key) ?? new Map<ModelPrice, Map<PriceAdjustment | undefined, Map<Category, UnitCharge | undefined>>>();
    built.set(key, byPrice);
    const byAdjustment = byPrice.get(price) ?? new Map<PriceAdjustment | undefined, Map<Category, UnitCharge | undefined>>();
    byPrice.set(price, byAdjustment);
    const byCategory = byAdjustment.get(adjustment) ?? new Map<Category, UnitCharge | undefined>();
    byAdjustment.set(adjustment, byCategory);
    if (byCategory.has(category)) return byCategory.get(category);
    const rate = pricing.exchange(price.currency);
    const unitPrice = tokenUnitPrice(pricing, price, category, adjustment);
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
            meter: `${workload.model} ${CATEGORY_WORDS[category]} tokens${category === 'tokens.cache-write' ? ` (${workload.cacheTtl})` : ''}, ${key.deployment} ${key.tier}${key.promptOver === undefined ? '' : `, prompts over ${key.promptOver.toFixed()}`}`,
            unit: 'tokens',
            unitPrice,
            ...unitPriceParts(unitPrice),
            priceRef: { file: price.ref.file, line: price.ref.line, source: price.source, asOf: price.asOf },
            fx: price.currency === pricing.currency ? undefined : { currency: price.currency, rate: rate! },
            basis: adjustment?.basis,
            payee: undefined,
          };
    byCategory.set(category, charge);
    return charge;
  };
}

/**
 * The price of one token of a category at a catalog row, in the scenario's currency and after
 * the scenario's price changes; undefined if the row has none or no rate converts it.
 */
export function tokenUnitPrice(pricing: Pick<TokenPricing, 'exchange' | 'workload'>, price: ModelPrice, category: Category, adjustment: PriceAdjustment | undefined): Decimal | undefined {
  const listed = unitPriceOf(price, category, pricing.workload.cacheTtl);
  const rate = pricing.exchange(price.currency);
  if (listed === undefined || rate === undefined) return undefined;
  const converted = listed.times(rate).div(PER_MILLION);
  return finite(adjustment === undefined ? converted : converted.times(adjustment.factor), 'unit price');
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
