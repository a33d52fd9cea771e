/** How each format says what a report was priced with (see analysis/provenance.ts). */
import type { Provenance } from '../analysis/provenance.js';
import type { RowRef } from '../model/catalog.js';
import { plain } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { spreadsheetSafe } from './text-formats.js';

const ref = (r: RowRef) => `${r.file}:${r.line}`;

/** The JSON fields `catalog` and `fx`. */
export function provenanceJson(provenance: Provenance, currency: string) {
  return {
    catalog: {
      files: provenance.files,
      sha256: provenance.sha256,
      rowsUsed: provenance.rowsUsed,
      oldestAsOf: provenance.oldestAsOf ?? null,
      newestAsOf: provenance.newestAsOf ?? null,
      overridden: provenance.overridden.map((o) => ({ key: o.key, rows: o.rows.map(ref), by: o.by.map(ref) })),
    },
    fx: provenance.fx.map((r) => ({ from: r.from, to: currency, rate: plain(r.rate), asOf: r.as_of, ...(r.source === undefined ? {} : { source: r.source }) })),
    whatIf: provenance.whatIf,
    ...(provenance.pointValues.length === 0 ? {} : { pointValues: provenance.pointValues }),
  };
}

/** The line under a table's heading that says which inputs were distributions, priced at one value. */
export function pointValuesLine(pointValues: readonly string[]): string | undefined {
  return pointValues.length === 0 ? undefined : visible(`Uncertain inputs at their mode or mean: ${pointValues.join(', ')}`);
}

/** The line under a table's heading that says a result is a what-if, or none. */
export function whatIfLine(whatIf: readonly string[]): string | undefined {
  return whatIf.length === 0 ? undefined : visible(`What-if: ${whatIf.map((arg) => `--set ${arg}`).join(' ')}`);
}

/** The CSV cell of a what-if: its `--set` changes, separated by semicolons. */
export function whatIfCell(whatIf: readonly string[]): string {
  return spreadsheetSafe(whatIf.join('; '));
}

/** CSV columns on every row, so a copied sheet keeps its provenance. */
export const PROVENANCE_COLUMNS = ['catalog_sha256', 'prices_as_of_oldest', 'prices_as_of_newest', 'what_if', 'point_values'];

export function provenanceCells(provenance: Provenance): string[] {
  return [provenance.sha256, provenance.oldestAsOf ?? '', provenance.newestAsOf ?? '', whatIfCell(provenance.whatIf), whatIfCell(provenance.pointValues)];
}

/** A table's footer lines: the catalog, its age, exchange rates, and rows later layers replaced. */
export function provenanceLines(provenance: Provenance, currency: string): string[] {
  const { oldestAsOf, newestAsOf, rowsUsed } = provenance;
  const asOf = oldestAsOf === undefined ? '' : oldestAsOf === newestAsOf ? `, as of ${oldestAsOf}` : `, as of ${oldestAsOf} to ${newestAsOf}`;
  const dirs = [...new Set(provenance.files.map((file) => file.replace(/[^/\\]*$/, '') || './'))];
  const hash = provenance.sha256 === '' ? '' : `, catalog sha256 ${provenance.sha256.slice(0, 12)}`;
  const prices = `Prices: ${dirs.join(', ')} (${rowsUsed} row${rowsUsed === 1 ? '' : 's'} used${asOf}${hash})`;
  const rates = provenance.fx.map((r) => `1 ${r.from} = ${r.rate.toFixed()} ${currency} (${r.as_of}${r.source === undefined ? '' : `, ${r.source}`})`);
  // file names and rate sources are the user's text, shown on a terminal
  return [prices, ...(rates.length === 0 ? [] : [`Exchange rates: ${rates.join('; ')}`]), ...overrides(provenance)].map(visible);
}

/** Which rows a later catalog replaced: the first few, then how many more. */
function overrides(provenance: Provenance): string[] {
  const shown = 5;
  const lines = provenance.overridden.slice(0, shown).map((o) => `  ${o.key}: ${o.rows.map(ref).join(', ')} replaced by ${o.by.map(ref).join(', ')}`);
  if (provenance.overridden.length > shown) lines.push(`  and ${provenance.overridden.length - shown} more (see --format json)`);
  return lines.length === 0 ? [] : [`Overridden by later catalogs:`, ...lines];
}
