/**
 * A response cache that answers every call (docs/cost-model.md "Tokens" and "Model calls"):
 * model calls = calls × (1 − hit rate) = 0, so no tokens are bought and no bytes go between
 * the cache and the model; every call still goes runtime → cache → runtime.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineItem } from '../../src/model/line-item.js';
import { dec, Decimal } from '../../src/model/money.js';
import { buildCatalog, type CatalogSpec, type CloudPrices } from '../helpers/catalog-arbitraries.js';
import { PROPERTY_TIMEOUT, runs } from '../helpers/property.js';
import { cacheData, cachePlacement, generatedCase, parseScenario, payload, simulateOrExplain, type ScenarioData } from '../helpers/scenario-arbitraries.js';

/** Egress meters of model calls (agent-usage.ts): direct, through a cache to the model, and between runtime and cache. */
const DIRECT_HOPS = ['model requests', 'model responses'];
const MODEL_HOPS_VIA_CACHE = ['cache misses to the model', 'model responses to the cache'];
const CACHE_HOPS = ['requests to the cache', 'responses from the cache'];
const isHop = (hops: readonly string[]) => (i: LineItem) => i.category === 'egress' && hops.some((hop) => i.meter.startsWith(`${hop},`));

/**
 * A generated scenario in two versions: every option with a cache answering every call of
 * every workload (each of which sends payloads), and the same options without a cache.
 * Datasets and commitments are left out: a cache on another cloud needs a dataset copy there,
 * and a commitment's discount follows the spend a cache removes, both rightly.
 */
const withAndWithoutCache = fc
  .record({ generated: generatedCase, caches: fc.array(cachePlacement, { minLength: 3, maxLength: 3 }), payloads: fc.array(payload, { minLength: 3, maxLength: 3 }) })
  .map(({ generated: { data, catalog }, caches, payloads }) => {
    const base: ScenarioData = { ...data, datasets: [], commitments: [], workloads: data.workloads.map((w, i) => ({ ...w, payload: w.payload ?? payloads[i]!, cache: { hit_rate: '100%' } })) };
    const cached: ScenarioData = { ...base, options: base.options.map((o, i) => ({ ...o, cache: cacheData(caches[i]!) })) };
    const uncached: ScenarioData = { ...base, options: base.options.map(({ cache: _, ...o }) => o) };
    return { cached, uncached, catalog };
  });

/**
 * The same prices with egress flat — internet egress at its first tier's price for any volume —
 * and every egress price cut to 3 decimals, so that a hop's exact cost, GB (9 decimals) ×
 * price, has at most 12 decimals: a tier group's shares (kept to 12 decimals) are then exact,
 * and removing one hop from a group leaves the others' shares as they were.
 */
function flatEgress(spec: CatalogSpec): CatalogSpec {
  const cut = (price: string) => dec(price).toDecimalPlaces(3, Decimal.ROUND_DOWN).toFixed();
  const flat = (prices: CloudPrices): CloudPrices => ({ ...prices, internet: [{ width: '1', price: cut(prices.internet[0]!.price) }], interRegion: cut(prices.interRegion), interconnect: cut(prices.interconnect) });
  return { ...spec, clouds: { azure: flat(spec.clouds.azure), aws: flat(spec.clouds.aws), gcp: flat(spec.clouds.gcp) } };
}

const shown = (i: LineItem) => `${i.option} ${i.workload} ${i.period} ${i.category} "${i.meter}" ${i.quantity.toFixed()} ${i.cost.toFixed()}`;

describe('a cache hit rate of 100 % (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: model calls are calls × (1 − 1) = 0, so every token count is round(0 × …) = 0 (no
  // token line: zero quantities are not listed), and the cache → model and model → cache hops
  // carry misses × bytes = 0; with the cache in place no call goes straight to the model.
  it('buys no tokens and sends nothing between the cache and the model', () => {
    fc.assert(
      fc.property(withAndWithoutCache, ({ cached, catalog }) => {
        const items = simulateOrExplain(parseScenario(cached), buildCatalog(catalog)).lineItems;
        expect(items.filter((i) => i.category.startsWith('tokens.')).map(shown)).toEqual([]);
        expect(items.filter(isHop([...MODEL_HOPS_VIA_CACHE, ...DIRECT_HOPS])).map(shown)).toEqual([]);
      }),
      runs(100),
    );
  });

  // Why: the cache changes only the model calls' path: without it, tokens and runtime ↔ model
  // bytes; with it, runtime ↔ cache bytes for every call, none beyond, and the cache's
  // capacity. State, runtime compute and the rest use the same quantities either way. With
  // flat egress prices each hop is priced on its own (volume tiers would let the removed
  // model hops move the state hops to another tier, and shares rounded to 12 decimals would
  // move a residue between the hops of a group: see flatEgress), so everything else is equal
  // line for line.
  // And every call still crosses runtime → cache with the request the model would have had.
  it('costs what the uncached option costs, less tokens and model hops, plus the cache and its hops', () => {
    fc.assert(
      fc.property(withAndWithoutCache, ({ cached, uncached, catalog }) => {
        const flat = buildCatalog(flatEgress(catalog));
        const withCache = simulateOrExplain(parseScenario(cached), flat).lineItems;
        const without = simulateOrExplain(parseScenario(uncached), flat).lineItems;
        const rest = (items: LineItem[], drop: (i: LineItem) => boolean) => items.filter((i) => !drop(i)).map(shown).sort();
        expect(rest(withCache, (i) => i.category === 'cache' || isHop(CACHE_HOPS)(i))).toEqual(rest(without, (i) => i.category.startsWith('tokens.') || isHop(DIRECT_HOPS)(i)));

        const requests = (items: LineItem[], hop: string) => new Map(items.filter(isHop([hop])).map((i) => [`${i.option} ${i.workload} ${i.period}`, i.quantity.toFixed()]));
        const direct = requests(without, 'model requests');
        for (const [key, bytes] of requests(withCache, 'requests to the cache')) if (direct.has(key)) expect(bytes, key).toBe(direct.get(key));
      }),
      runs(100),
    );
  });
});
