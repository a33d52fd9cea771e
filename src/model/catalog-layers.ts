/**
 * Several catalogs used together, later ones over earlier ones: `--catalog @bundled --catalog
 * ./negotiated` prices with the negotiated rows where they exist and list prices elsewhere.
 */
import type { Availability } from './availability.js';
import { EMPTY_CATALOG, type Catalog, type RowRef } from './catalog.js';
import { groupBy } from './group-by.js';
import { pairKey, type Latency } from './latency.js';
import { meteredKey, type MeteredPrice } from './metered-price.js';
import { formatKey, type ModelPrice } from './model-price.js';
import type { KnownRegion } from './region.js';
import { supportKey, type SupportPrice } from './support-price.js';
import { provisionedKey, throughputKey, type ProvisionedPrice, type Throughput } from './provisioned.js';

const TABLE_KEYS = {
  models: (row: ModelPrice) => `models ${formatKey(row)}`,
  egress: (row: MeteredPrice) => meteredKey(row),
  services: (row: MeteredPrice) => meteredKey(row),
  availability: (row: Availability) => `availability ${row.cloud}/${row.model}`,
  latency: (row: Latency) => `latency ${pairKey(...row.between)}`,
  regions: (row: KnownRegion) => `region ${row.cloud}/${row.region}`,
  support: (row: SupportPrice) => supportKey(row),
  provisioned: (row: ProvisionedPrice) => provisionedKey(row),
  throughput: (row: Throughput) => throughputKey(row),
};

/**
 * Catalogs layered in order: where a later catalog has rows for a key, they replace every
 * earlier row for it (its whole price history and tiers), and the replaced rows are listed.
 */
export function layerCatalogs(catalogs: readonly Catalog[], sha256: string): Catalog {
  const layered: Catalog = { ...EMPTY_CATALOG, files: catalogs.flatMap((c) => c.files), sha256, overridden: [] };
  for (const table of Object.keys(TABLE_KEYS) as (keyof typeof TABLE_KEYS)[]) {
    const keyOf = TABLE_KEYS[table] as (row: unknown) => string;
    const byKey = new Map<string, { ref: RowRef }[]>();
    for (const catalog of catalogs) {
      const incoming = groupBy(catalog[table] as { ref: RowRef }[], keyOf);
      for (const [key, rows] of incoming) {
        const earlier = byKey.get(key);
        if (earlier !== undefined) layered.overridden.push({ key, rows: earlier.map((r) => r.ref), by: rows.map((r) => r.ref) });
        byKey.set(key, rows);
      }
    }
    (layered[table] as unknown[]) = [...byKey.values()].flat();
  }
  return layered;
}
