/**
 * The shipped catalog, parsed and checked once at build time (scripts/bundle.mjs) and kept as
 * JSON beside the code, keyed by the sha256 of its tables. A run whose catalog directory hashes
 * the same reads its rows from there instead of parsing and validating the CSV again: on a cold
 * start that parse is a fifth of a small run (csv-parse and zod compile on first use), the JSON
 * a fraction of it. Any other content, a missing or unreadable file, or another format version
 * falls back to the full parse, so the JSON can only ever repeat what parsing gives.
 *
 * Rows name the file they came from as shown to the user (`pricing-data/models.csv`, relative to
 * the working directory); the JSON keeps the table's name and the reader puts the shown path back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, RowRef } from '../model/catalog.js';
import { Decimal } from '../model/money.js';

/** Written by the build next to dist/cli and dist/bundle, found at the same depth from src/. */
export const PARSED_CATALOG_FILE = fileURLToPath(new URL('../../dist/pricing-data.json', import.meta.url));

/** Bumped whenever a row's shape changes, so a JSON from another build is never read as this one. */
const FORMAT = 3;

export type CatalogRows = Omit<Catalog, 'files' | 'sha256' | 'overridden'>;

/** The JSON text for a catalog's rows: decimals as `{"$decimal": "2.50"}`, files as table names. */
export function parsedCatalogJson(catalog: Catalog): string {
  const { files: _files, sha256, overridden: _overridden, ...rows } = catalog;
  return JSON.stringify({ format: FORMAT, sha256, rows }, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (Decimal.isDecimal(raw)) return { $decimal: (raw as Decimal).toFixed() };
    if (key === 'ref') return { ...(value as RowRef), file: path.basename((value as RowRef).file) };
    return value;
  });
}

/** The rows of the catalog whose tables hash to `sha256`, if the build parsed that one; undefined otherwise. */
export async function parsedCatalogRows(sha256: string, shownAs: string, file = PARSED_CATALOG_FILE): Promise<CatalogRows | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  // the hash is near the start: a JSON for another catalog is not parsed at all
  if (!text.slice(0, 200).includes(`"sha256":"${sha256}"`)) return undefined;
  try {
    const parsed = JSON.parse(text, (key, value: unknown) => {
      if (typeof value === 'object' && value !== null && '$decimal' in value) return new Decimal((value as { $decimal: string }).$decimal);
      if (key === 'ref') return { ...(value as RowRef), file: path.join(shownAs, (value as RowRef).file) };
      return value;
    }) as { format: number; sha256: string; rows: CatalogRows };
    return parsed.format === FORMAT && parsed.sha256 === sha256 ? parsed.rows : undefined;
  } catch {
    return undefined;
  }
}
