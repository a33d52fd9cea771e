/**
 * Observed requests priced at every option of a scenario: what the traffic of the usage logs
 * would have cost with each option's model placement (and, where the logs have bytes and the
 * option places a runtime, the data transfer to and from the model).
 *
 * Each bucket (usage-buckets.ts: one day, model, processing and prompt band) is priced by the
 * catalog row in effect on its day, at the key its placement, tier and prompt band give; tokens
 * of a month priced by one row are added up first and become one line item per category, so a
 * month's cost is Σ tokens × unit price, the same to the last digit as pricing every request.
 * On a day the model is not sold at the placement (availability.csv) the option's fallback
 * serves, as in a simulation.
 *
 * Worked example: 3 requests on 2026-07-01 of gpt-5.5 with 1 000 uncached input and 100 output
 * tokens each, at an option on OpenAI (5.00 and 30.00 per 1M): 3 000 × 0.000005 = 0.015 input,
 * 300 × 0.00003 = 0.009 output.
 */
import { formatKey, type ModelPrice, type PriceKey } from '../model/model-price.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { ChargedLineItem, type Category, type LineItem } from '../model/line-item.js';
import { dec, type Decimal } from '../model/money.js';
import { NestedMap } from '../model/nested-map.js';
import { addMonths, type Period } from '../model/period.js';
import { LIMITS } from '../model/limits.js';
import type { ModelPlacement, Option, Scenario } from '../model/scenario.js';
import { vendorOf } from '../model/party.js';
import type { Tier } from '../model/cloud.js';
import { append } from '../model/append.js';
import { catalogIndexes } from './catalog-indexes.js';
import { exchange, type Exchange } from './fx.js';
import { priceMetered, type MeteredUsage } from './metered.js';
import { transferUsage } from './network.js';
import { priceChanges, type PriceAdjustment } from './price-changes.js';
import { Problems } from './problems.js';
import { regionProblems } from './regions.js';
import { chargesOf, type TokenBuyer } from './tokens.js';
import type { UsageBucket } from './usage-buckets.js';
import { DAY_MS, isoDay, periodOf } from '../model/timestamp.js';
import type { FallbackUse } from './simulate.js';

export interface Replay {
  periods: Period[];
  lineItems: LineItem[];
  /** Months a model was served by an option's fallback placement. */
  fallbacks: FallbackUse[];
}

/** Tokens of one month priced by one row at one key. */
interface Priced {
  period: Period;
  model: string;
  key: PriceKey;
  price: ModelPrice;
  adjustment: PriceAdjustment | undefined;
  tokens: Record<'input' | 'cached' | 'write5m' | 'write1h' | 'output', bigint>;
}

/** The months from the first bucket's to the last's, every one of them. */
export function replayPeriods(buckets: readonly UsageBucket[]): Period[] {
  const months = buckets.map((b) => b.period).sort();
  const periods: Period[] = [];
  for (let p = months[0]; p !== undefined && p <= months[months.length - 1]!; p = addMonths(p, 1)) periods.push(p);
  return periods;
}

/**
 * `pricesOn`: a day (days since 1970) whose prices and availability price every request,
 * instead of each request's own day: last year's traffic at today's prices.
 */
export function replay(scenario: Scenario, catalog: Catalog, buckets: readonly UsageBucket[], pricesOn?: number): Replay {
  const periods = replayPeriods(buckets);
  if (periods.length > LIMITS.months) throw new InputError([{ message: `the logs span ${periods.length} months, ${periods[0]} to ${periods[periods.length - 1]}; replay takes at most ${LIMITS.months} (docs/reliability.md)` }]);
  const { prices, promptTiers, availability, metered } = catalogIndexes(catalog);
  const rates = exchange(scenario);
  const changes = priceChanges(scenario, new Set(catalog.models.map((row) => row.model)));
  const typos = regionProblems(scenario, catalog).filter((p) => p.path?.[0] === 'options');
  if (typos.length > 0) throw new InputError(typos);
  const problems = new Problems();
  const found: Diagnostic[] = [...unknownModels(catalog, buckets)];
  if (found.length > 0) throw new InputError(found);

  const lineItems: LineItem[] = [];
  const usages: MeteredUsage[] = [];
  const fallbacks: FallbackUse[] = [];
  scenario.options.forEach((option, optionIndex) => {
    const keys = new Map<string, PriceKey>();
    const keyOf = (placement: ModelPlacement, tier: Tier, model: string, band: number | undefined): PriceKey => {
      const plain: PriceKey = { cloud: placement.cloud, region: placement.region, deployment: placement.deployment, tier, model };
      const promptOver = band === undefined ? undefined : promptTiers(plain, dec(String(band + 1)));
      const text = `${formatKey(plain)} ${promptOver?.toFixed() ?? ''}`;
      let key = keys.get(text);
      if (key === undefined) keys.set(text, (key = promptOver === undefined ? plain : { ...plain, promptOver }));
      return key;
    };
    const priced = new NestedMap<Priced>();
    const inOrder: Priced[] = [];
    const fellBack = new Map<string, Set<Period>>();
    for (const bucket of buckets) {
      const day = pricesOn ?? bucket.day;
      const placement = placementOn(option, optionIndex, bucket, day, availability, problems);
      if (placement === undefined) continue;
      if (placement.fallback) {
        const months = fellBack.get(bucket.model) ?? new Set<Period>();
        fellBack.set(bucket.model, months.add(bucket.period));
      }
      const key = keyOf(placement.model, bucket.batch ? 'batch' : placement.model.tier, bucket.model, bucket.promptOver);
      const span = { from: isoDay(day), to: isoDay(day + 1) };
      const month = prices(key, periodOf(day * DAY_MS), [span]);
      if ('missing' in month) {
        problems.add(placement.path, formatKey(key), bucket.period, `${month.missing}, needed by the replayed ${bucket.model} requests`);
        continue;
      }
      const price = month.segments[0]!.price;
      const adjustment = changes.adjust(key, bucket.period);
      const at = [bucket.period, key, price, adjustment];
      let entry = priced.get(at);
      if (entry === undefined) {
        entry = { period: bucket.period, model: bucket.model, key, price, adjustment, tokens: { input: 0n, cached: 0n, write5m: 0n, write1h: 0n, output: 0n } };
        priced.set(at, entry);
        inOrder.push(entry);
      }
      entry.tokens.input += bucket.input;
      entry.tokens.cached += bucket.cachedInput;
      entry.tokens.write5m += bucket.cacheWrite5m;
      entry.tokens.write1h += bucket.cacheWrite1h;
      entry.tokens.output += bucket.output;
      if (option.runtime !== undefined && bucket.requestBytes + bucket.responseBytes > 0n) append(usages, bytesToModel(scenario, option, optionIndex, placement.model, bucket));
    }
    // in an order of their own, not the logs': the same requests in another order give the same report
    const ordered = inOrder
      .map((entry) => ({ entry, text: `${entry.period} ${entry.model} ${formatKey(entry.key)} ${entry.price.ref.file}:${String(entry.price.ref.line).padStart(9, '0')} ${entry.adjustment?.basis ?? ''}` }))
      .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .map(({ entry }) => entry);
    append(lineItems, tokenItems(scenario, rates, option, ordered, problems));
    for (const [model, months] of fellBack) fallbacks.push({ option: option.id, workload: model, placement: option.fallback!.model, months: [...months].sort() });
  });
  append(lineItems, priceMetered(usages, metered, scenario.currency, rates, problems));
  append(found, problems.list());
  if (found.length === 0) append(found, changes.unused());
  if (found.length > 0) throw new InputError(found);
  return { periods, lineItems, fallbacks };
}

/** The placement serving a bucket's day at an option: its own, or its fallback on the days the model is not sold there. */
function placementOn(option: Option, optionIndex: number, bucket: UsageBucket, pricedDay: number, availability: ReturnType<typeof catalogIndexes>['availability'], problems: Problems): { model: ModelPlacement; path: (string | number)[]; fallback: boolean } | undefined {
  const day = isoDay(pricedDay);
  const sells = (placement: ModelPlacement) => {
    const { spans, why } = availability(placement, { model: bucket.model, api: 'stateless' }, periodOf(pricedDay * DAY_MS));
    return { yes: spans.some((s) => s.from <= day && day < s.to), why };
  };
  const own = sells(option.model);
  if (own.yes) return { model: option.model, path: ['options', optionIndex, 'model'], fallback: false };
  if (option.fallback !== undefined && sells(option.fallback.model).yes) return { model: option.fallback.model, path: ['options', optionIndex, 'fallback', 'model'], fallback: true };
  problems.add(['options', optionIndex, 'model'], `unavailable ${bucket.model}`, bucket.period, `option "${option.id}" cannot serve the replayed ${bucket.model} requests: the model is not sold there on ${day} (${own.why})${option.fallback === undefined ? '; give the option a fallback placement, or price the requests on a later day with --prices-on' : ', nor at its fallback'}`);
  return undefined;
}

const CATEGORIES: [keyof Priced['tokens'], Category, '5m' | '1h'][] = [
  ['input', 'tokens.input', '5m'],
  ['cached', 'tokens.cached', '5m'],
  ['write5m', 'tokens.cache-write', '5m'],
  ['write1h', 'tokens.cache-write', '1h'],
  ['output', 'tokens.output', '5m'],
];

const COLUMNS: Record<keyof Priced['tokens'], string> = { input: 'input', cached: 'cached_input', write5m: 'cache_write', write1h: 'cache_write_1h', output: 'output' };

/** A line item per month, row and category with tokens; a row without the category's price is a problem naming it. */
function tokenItems(scenario: Scenario, rates: Exchange, option: Option, entries: readonly Priced[], problems: Problems): LineItem[] {
  const items: LineItem[] = [];
  const builders = new Map<string, ReturnType<typeof chargesOf>>();
  const chargeFor = (model: string, ttl: '5m' | '1h') => {
    let build = builders.get(`${model} ${ttl}`);
    if (build === undefined) {
      const buyer: TokenBuyer = { id: model, model, vendor: vendorOf(model), caches: true, writes: true, cacheTtl: ttl };
      builders.set(`${model} ${ttl}`, (build = chargesOf({ option, workload: buyer, currency: scenario.currency, exchange: rates })));
    }
    return build;
  };
  for (const entry of entries) {
    for (const [part, category, ttl] of CATEGORIES) {
      const tokens = entry.tokens[part];
      if (tokens === 0n) continue;
      const charge = chargeFor(entry.model, ttl)(entry.price, category, entry.key, entry.adjustment);
      if (charge === undefined) {
        const row = `${entry.price.ref.file}:${entry.price.ref.line}`;
        const rate = rates(entry.price.currency) === undefined;
        const why = rate ? `is priced in ${entry.price.currency} but the scenario has no fx rate to ${scenario.currency}` : `has no ${COLUMNS[part]} price for ${entry.model} on ${entry.key.cloud}`;
        problems.add(['options', scenario.options.indexOf(option), 'model'], `${row} ${part}`, entry.period, `${row} ${why}, but the replayed requests have ${tokens} such tokens`);
        continue;
      }
      items.push(new ChargedLineItem(charge, entry.period, tokens));
    }
  }
  return items;
}

/** Requests sent from the option's runtime to the model and responses back, as the logs measured them. */
function bytesToModel(scenario: Scenario, option: Option, optionIndex: number, model: ModelPlacement, bucket: UsageBucket): MeteredUsage[] {
  const runtime = option.runtime!;
  const base = { option: option.id, workload: bucket.model, period: bucket.period, path: ['options', optionIndex] };
  const bytes = (n: bigint): Decimal => dec(n.toString());
  const usages = transferUsage(base, { from: runtime, to: model, bytes: bytes(bucket.requestBytes), what: 'replayed requests', traffic: 'model' }, option, optionIndex);
  if (scenario.network.bill_model_responses) append(usages, transferUsage(base, { from: model, to: runtime, bytes: bytes(bucket.responseBytes), what: 'replayed responses', traffic: 'model' }, option, optionIndex));
  return usages;
}

/** Models the logs name that the catalog prices nowhere: said once each, with how to map them. */
function unknownModels(catalog: Catalog, buckets: readonly UsageBucket[]): Diagnostic[] {
  const known = new Set(catalog.models.map((row) => row.model));
  const unknown = [...new Set(buckets.map((b) => b.model))].filter((model) => !known.has(model));
  return unknown.map((model) => ({ message: `the logs name model "${model}", which the catalog does not price; map it to one it does with --model-map "${model}=<catalog model>" (cloudtco catalog models lists them)` }));
}
