/**
 * Views of the catalog itself, for `cloudtco catalog …`: which models are sold where, one
 * model's prices side by side, and which rows are too old to trust.
 */
import type { Availability } from '../model/availability.js';
import { inEffect, lastConfirmed, type Catalog, type RowRef } from '../model/catalog.js';
import { groupBy } from '../model/group-by.js';
import { CLOUD_IDS, TIERS, type Cloud } from '../model/cloud.js';
import type { Latency } from '../model/latency.js';
import type { KnownRegion } from '../model/region.js';
import { meteredKey, type MeteredPrice } from '../model/metered-price.js';
import { supportKey, type SupportPrice } from '../model/support-price.js';
import { provisionedKey, throughputKey, type ProvisionedPrice, type Throughput } from '../model/provisioned.js';
import { formatKey, type ModelPrice } from '../model/model-price.js';
import type { Decimal } from '../model/money.js';
import { daysBetween, type IsoDate } from '../model/period.js';

export interface ModelListing {
  model: string;
  /** Per cloud, the deployments it is sold as (with their tiers), in cloud order. */
  clouds: { cloud: Cloud; deployments: string[] }[];
  rows: number;
  newestAsOf: IsoDate;
}

/** Every model, with where and how it is sold: "azure: global (standard, batch), data-zone (standard)". */
export function listModels(catalog: Catalog): ModelListing[] {
  const byModel = groupBy(catalog.models, (row) => row.model);
  return [...byModel.keys()].sort().map((model) => {
    const rows = byModel.get(model)!;
    const clouds = CLOUD_IDS.filter((cloud) => rows.some((r) => r.cloud === cloud)).map((cloud) => {
      const here = rows.filter((r) => r.cloud === cloud);
      const tiers = (d: string) => TIERS.filter((tier) => here.some((r) => r.deployment === d && r.tier === tier));
      const deployments = unique(here.map((r) => r.deployment)).map((d) => `${d} (${tiers(d).join(', ')})`);
      return { cloud, deployments };
    });
    return { model, clouds, rows: rows.length, newestAsOf: rows.map((r) => r.asOf).sort().at(-1)! };
  });
}

export interface PriceView {
  row: ModelPrice;
  /** In effect on the day the view is for. */
  current: boolean;
  /** The lowest current standard-tier price of its currency, per column (long-context tiers aside). */
  cheapest: { input: boolean; cachedInput: boolean; output: boolean };
}

/**
 * All prices of one model across clouds, deployments, regions and tiers, current ones first
 * within each key, with the lowest current standard-tier price of each column marked.
 */
export function showModel(catalog: Catalog, model: string, today: IsoDate): PriceView[] {
  const rows = catalog.models.filter((r) => r.model === model);
  const current = rows.filter((r) => inEffect(r, today));
  const lowest = (column: 'input' | 'cachedInput' | 'output', currency: string): Decimal | undefined =>
    current
      .filter((r) => r.tier === 'standard' && r.promptOver === undefined && r.currency === currency)
      .map((r) => r[column])
      .filter((p): p is Decimal => p !== undefined)
      .reduce<Decimal | undefined>((min, p) => (min === undefined || p.lt(min) ? p : min), undefined);
  const order = (r: ModelPrice) => [CLOUD_IDS.indexOf(r.cloud), r.deployment, r.region, TIERS.indexOf(r.tier), r.promptOver?.toFixed().padStart(20, '0') ?? '', r.effectiveFrom ?? ''].join('\u0000');
  return [...rows]
    .sort((a, b) => order(a).localeCompare(order(b)))
    .map((row) => {
      const isCurrent = current.includes(row);
      const marks = (column: 'input' | 'cachedInput' | 'output') => {
        const price = row[column];
        const min = lowest(column, row.currency);
        return isCurrent && row.tier === 'standard' && row.promptOver === undefined && price !== undefined && min !== undefined && price.eq(min);
      };
      return { row, current: isCurrent, cheapest: { input: marks('input'), cachedInput: marks('cachedInput'), output: marks('output') } };
    });
}

export interface StaleRow {
  ref: RowRef;
  key: string;
  asOf: IsoDate;
  checked: IsoDate | undefined;
  /** Days since the figure was last read or checked. */
  ageDays: number;
}

type AnyRow = ModelPrice | MeteredPrice | Availability | Latency | KnownRegion | SupportPrice | ProvisionedPrice | Throughput;

/** A readable key for any catalog row. */
export function rowKey(row: AnyRow): string {
  if ('between' in row) return `latency ${row.between.map((l) => `${l.cloud}/${l.region}`).join(' ↔ ')}`;
  if ('api' in row) return `availability ${row.cloud}/${row.model} ${row.api}`;
  if ('term' in row) return provisionedKey(row);
  if ('inputTpmPerUnit' in row) return throughputKey(row);
  if ('plan' in row) return `${supportKey(row)}${row.tierFrom.isZero() && row.tierTo === undefined ? '' : ` band from ${row.tierFrom.toFixed()}`}`;
  if (!('model' in row) && !('table' in row)) return `region ${row.cloud}/${row.region}`;
  if ('table' in row) return `${meteredKey(row)}${row.tierFrom.isZero() && row.tierTo === undefined ? '' : ` tier from ${row.tierFrom.toFixed()}`}`;
  return `models ${formatKey(row)}`;
}

export function allRows(catalog: Catalog): AnyRow[] {
  return [...catalog.models, ...catalog.egress, ...catalog.services, ...catalog.availability, ...catalog.latency, ...catalog.regions, ...catalog.support, ...catalog.provisioned, ...catalog.throughput];
}

/** Rows read (or last checked) more than `maxAgeDays` before `today`, oldest first; `only` limits them to some rows. */
export function staleRows(rows: readonly AnyRow[], today: IsoDate, maxAgeDays: number, only?: ReadonlySet<string>): StaleRow[] {
  return rows
    .filter((row) => only === undefined || only.has(`${row.ref.file}:${row.ref.line}`))
    .map((row) => ({ ref: row.ref, key: rowKey(row), asOf: row.asOf, checked: row.checked, ageDays: daysBetween(lastConfirmed(row), today) }))
    .filter((row) => row.ageDays > maxAgeDays)
    .sort((a, b) => b.ageDays - a.ageDays || a.ref.file.localeCompare(b.ref.file) || a.ref.line - b.ref.line);
}

/** Rows dated after today: a typo in as_of or checked, or a clock that is wrong. */
export function futureRows(rows: readonly AnyRow[], today: IsoDate): AnyRow[] {
  return rows.filter((row) => lastConfirmed(row) > today);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
