/**
 * What a report was priced with: the catalog (files, sha256, rows replaced by later layers), the
 * rows its line items used and how old they are, and the scenario's exchange rates. Every report
 * carries it, so a figure can always be traced and reproduced.
 */
import type { Catalog, Override } from '../model/catalog.js';
import type { LineItem, PriceRef } from '../model/line-item.js';
import type { Scenario } from '../model/scenario.js';

export interface Provenance {
  files: string[];
  sha256: string;
  /** Rows replaced by a later catalog, among all keys (not only those used). */
  overridden: Override[];
  rowsUsed: number;
  oldestAsOf: string | undefined;
  newestAsOf: string | undefined;
  /** The scenario's fixed exchange rates into its reporting currency. */
  fx: Scenario['fx'];
  /** The `--set path=value` changes the scenario was run with: a what-if, not the file as it is. */
  whatIf: readonly string[];
  /** Inputs given as distributions, priced at their mode or mean: `workloads[0].growth (triangular)`. */
  pointValues: readonly string[];
}

export type CatalogIdentity = Pick<Catalog, 'files' | 'sha256' | 'overridden'>;

export function provenanceOf(catalog: CatalogIdentity, scenario: Scenario, items: readonly LineItem[], whatIf: readonly string[] = [], pointValues: readonly string[] = []): Provenance {
  // line items of one charge share their reference: the distinct objects first, then the rows
  const refs = new Set<PriceRef>();
  for (const { priceRef: ref } of items) if (ref !== undefined) refs.add(ref);
  const rows = new Map<string, PriceRef>();
  for (const ref of refs) rows.set(`${ref.file}:${ref.line}`, ref);
  const dates = [...rows.values()].map((ref) => ref.asOf).sort();
  return { files: catalog.files, sha256: catalog.sha256, overridden: catalog.overridden, rowsUsed: rows.size, oldestAsOf: dates[0], newestAsOf: dates[dates.length - 1], fx: scenario.fx, whatIf, pointValues };
}
