/**
 * Rows imported from a cloud's price feed written as the catalog tables they belong to, with
 * the columns in the catalog's own order, so the directory they are written to is a catalog
 * that can be layered over the bundled one (`--catalog @bundled --catalog imported/`).
 */
import { stringify } from 'csv-stringify/sync';
import type { ImportedEgress, ImportedAwsService } from '../model/aws-pricelist.js';
import type { ImportedProvisioned, ImportedService } from '../model/azure-retail.js';
import { plain, type Decimal } from '../model/money.js';

export interface Provenance {
  currency: string;
  source: string;
  asOf: string;
}

const cell = (value: Decimal | string | undefined) => (value === undefined ? '' : typeof value === 'string' ? value : plain(value));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([[...header], ...rows], { record_delimiter: 'unix', quoted_match: /[\r\n]/ });
}

export function renderProvisionedCsv(rows: readonly ImportedProvisioned[], p: Provenance): string {
  const header = ['cloud', 'region', 'deployment', 'term', 'price', 'currency', 'effective_from', 'effective_to', 'source', 'as_of', 'note'];
  return table(header, rows.map((r) => [r.cloud, r.region, r.deployment, r.term, cell(r.price), p.currency, r.effectiveFrom, cell(r.effectiveTo), p.source, p.asOf, r.note]));
}

export function renderServicesCsv(rows: readonly (ImportedService | (ImportedAwsService & { cloud: string; tierFrom?: Decimal; tierTo?: Decimal; effectiveTo?: string }))[], p: Provenance): string {
  const header = ['cloud', 'region', 'service', 'meter', 'unit', 'tier_from', 'tier_to', 'price', 'currency', 'effective_from', 'effective_to', 'source', 'as_of', 'note'];
  return table(header, rows.map((r) => [r.cloud, r.region, r.service, r.meter, r.unit, cell(r.tierFrom), cell(r.tierTo), cell(r.price), p.currency, r.effectiveFrom, cell(r.effectiveTo), p.source, p.asOf, r.note]));
}

export function renderEgressCsv(rows: readonly ImportedEgress[], p: Provenance): string {
  const header = ['cloud', 'region', 'destination', 'to_region', 'unit', 'tier_from', 'tier_to', 'price', 'currency', 'effective_from', 'effective_to', 'source', 'as_of', 'note'];
  return table(header, rows.map((r) => ['aws', r.region, r.destination, cell(r.toRegion), 'gb', cell(r.tierFrom), cell(r.tierTo), cell(r.price), p.currency, r.effectiveFrom, '', p.source, p.asOf, r.note]));
}
