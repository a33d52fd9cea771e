/**
 * The catalog's lookup indexes, built once per catalog: a sweep, a sensitivity run or an exact
 * simulation prices one scenario hundreds of times against the same catalog, and the answers
 * the indexes keep (a key's rows in a month) hold for every one of those runs. Keyed by the
 * catalog object, so a catalog no longer used takes its indexes with it.
 */
import type { Catalog } from '../model/catalog.js';
import { indexMetered, type MeteredIndex } from './metered.js';
import { indexAvailability, type AvailabilityIndex } from './placements.js';
import { indexPrices, indexPromptTiers, type PriceIndex } from './price-lookup.js';

export interface CatalogIndexes {
  prices: PriceIndex;
  promptTiers: ReturnType<typeof indexPromptTiers>;
  availability: AvailabilityIndex;
  metered: MeteredIndex;
}

const built = new WeakMap<Catalog, CatalogIndexes>();

export function catalogIndexes(catalog: Catalog): CatalogIndexes {
  let indexes = built.get(catalog);
  if (indexes === undefined) {
    indexes = { prices: indexPrices(catalog), promptTiers: indexPromptTiers(catalog), availability: indexAvailability(catalog.availability), metered: indexMetered(catalog) };
    built.set(catalog, indexes);
  }
  return indexes;
}
