/**
 * Reads a catalog directory into a validated Catalog: models.csv (required) and, where present,
 * egress.csv, services.csv, availability.csv, latency.csv, regions.csv, support.csv,
 * provisioned.csv and throughput.csv. All problems of all files are
 * reported together.
 */
import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availabilityRowSchema, toAvailability } from '../model/availability.js';
import { checkedProblems, findOverlaps, type Catalog, type RowRef } from '../model/catalog.js';
import { layerCatalogs } from '../model/catalog-layers.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { LIMITS } from '../model/limits.js';
import { latencyRowSchema, pairKey, toLatency } from '../model/latency.js';
import { egressRowSchema, meteredProblems, OPTIONAL_TIER_COLUMNS, serviceRowSchema, toEgressPrice, toServicePrice } from '../model/metered-price.js';
import { formatKey, modelRowSchema, OPTIONAL_MODEL_COLUMNS, toModelPrice } from '../model/model-price.js';
import { regionRowSchema, toKnownRegion } from '../model/region.js';
import { OPTIONAL_PROVISIONED_COLUMNS, provisionedKey, provisionedRowSchema, throughputKey, throughputRowSchema, toProvisionedPrice, toThroughput } from '../model/provisioned.js';
import { OPTIONAL_SUPPORT_COLUMNS, supportProblems, supportRowSchema, toSupportPrice } from '../model/support-price.js';
import type { TableSpec } from './csv-table.js';
import { parsedCatalogRows } from './parsed-catalog.js';
import { displayPath, readText } from './read-text.js';

/** The catalog shipped with cloudtco, found beside the code whether run from src/ or dist/. */
export function bundledCatalogDir(): string {
  return fileURLToPath(new URL('../../pricing-data/', import.meta.url));
}

/** `--catalog` names the shipped catalog so, for layering your own rows over it. */
export const BUNDLED = '@bundled';

/** The directories `--catalog` values name (the bundled one when none is given), and how to show them. */
export function catalogDirs(values: readonly string[], cwd: string): { dir: string; shownAs: string }[] {
  const chosen = values.length === 0 ? [BUNDLED] : values;
  return chosen.map((value) => {
    const dir = value === BUNDLED ? bundledCatalogDir() : path.resolve(cwd, value);
    return { dir, shownAs: displayPath(dir, cwd) };
  });
}

/**
 * `--catalog DIR` without `@bundled` replaces the shipped catalog rather than adding to it: when
 * a price is missing from a table none of the directories has, or a region is unknown without a
 * regions.csv, say so (the usual cause).
 */
export function replacedCatalogHint(dirs: readonly { dir: string; shownAs: string }[], catalog: Pick<Catalog, 'files'>, problems: readonly Diagnostic[]): Diagnostic | undefined {
  if (dirs.some(({ dir }) => path.resolve(dir) === path.resolve(bundledCatalogDir()))) return undefined;
  const present = new Set(catalog.files.map((file) => path.basename(file)));
  const absent = Object.values(TABLES)
    .map((table) => table.name)
    .filter((name) => !present.has(name));
  // a price missing from a table left out (the message names it), or a region unknown without regions.csv
  const caused = problems.some((p) => absent.some((name) => p.message.includes(name)) || (absent.includes(TABLES.regions.name) && p.message.includes('is not a region the catalog knows')));
  if (absent.length === 0 || !caused) return undefined;
  // located at the directory, as every line of a bad run is: the first one is what replaced the bundled catalog
  const [first, ...more] = dirs.map((d) => d.shownAs);
  const layered = more.length === 0 ? '' : ` (with ${more.join(', ')})`;
  return {
    file: first,
    message: `given as --catalog without @bundled, it replaces the bundled catalog${layered}, and has no ${absent.join(', ')}: prices missing from it are missing altogether; to add your rows to the bundled ones, give --catalog @bundled first (--catalog @bundled --catalog ${first})`,
  };
}

/** Every table file the directories may hold, whether or not it is there: files a report must not overwrite. */
export function catalogFiles(dirs: readonly { dir: string }[]): string[] {
  return dirs.flatMap(({ dir }) => Object.values(TABLES).map((table) => path.join(dir, table.name)));
}

const SOURCED_OPTIONAL = ['effective_from', 'effective_to', 'checked', 'note'];

export const TABLES = {
  models: { name: 'models.csv', schema: modelRowSchema, optionalColumns: OPTIONAL_MODEL_COLUMNS, toRow: toModelPrice },
  egress: { name: 'egress.csv', schema: egressRowSchema, optionalColumns: ['to_region', ...OPTIONAL_TIER_COLUMNS, ...SOURCED_OPTIONAL], toRow: toEgressPrice },
  services: { name: 'services.csv', schema: serviceRowSchema, optionalColumns: [...OPTIONAL_TIER_COLUMNS, ...SOURCED_OPTIONAL], toRow: toServicePrice },
  availability: { name: 'availability.csv', schema: availabilityRowSchema, optionalColumns: ['available_until', 'checked', 'note'], toRow: toAvailability },
  latency: { name: 'latency.csv', schema: latencyRowSchema, optionalColumns: ['checked', 'note'], toRow: toLatency },
  regions: { name: 'regions.csv', schema: regionRowSchema, optionalColumns: ['checked', 'note'], toRow: toKnownRegion },
  support: { name: 'support.csv', schema: supportRowSchema, optionalColumns: OPTIONAL_SUPPORT_COLUMNS, toRow: toSupportPrice },
  provisioned: { name: 'provisioned.csv', schema: provisionedRowSchema, optionalColumns: OPTIONAL_PROVISIONED_COLUMNS, toRow: toProvisionedPrice },
  throughput: { name: 'throughput.csv', schema: throughputRowSchema, optionalColumns: ['checked', 'note'], toRow: toThroughput },
} satisfies Record<string, TableSpec<unknown>>;

export async function loadCatalog(dir: string, shownAs: string): Promise<Catalog> {
  const shown = (name: string) => path.join(shownAs, name);
  const read = async (spec: { name: string }, required: boolean) => {
    const file = path.join(dir, spec.name);
    const text = required ? await readText(file, shown(spec.name), LIMITS.tableBytes) : await readOptional(file, shown(spec.name));
    return text === undefined ? undefined : { file: shown(spec.name), name: spec.name, text };
  };
  const texts = await Promise.all(Object.values(TABLES).map((spec) => read(spec, spec === TABLES.models)));
  const present = texts.flatMap((t) => (t === undefined ? [] : [t]));
  const identity = { files: present.map((t) => t.file), sha256: digest(present.map((t) => [t.name, t.text] as const)), overridden: [] };
  const known = await parsedCatalogRows(identity.sha256, shownAs);
  if (known !== undefined) return { ...identity, ...known };
  // csv-parse is loaded only for a catalog the build has not parsed
  const { parseTable } = await import('./csv-table.js');
  const parsed = <Row>(spec: TableSpec<Row>, table: { file: string; text: string } | undefined) => (table === undefined ? { rows: [], problems: [] } : parseTable(spec, table.text, table.file));
  const [models, egress, services, availability, latency, regions, support, provisioned, throughput] = [
    parsed(TABLES.models, texts[0]),
    parsed(TABLES.egress, texts[1]),
    parsed(TABLES.services, texts[2]),
    parsed(TABLES.availability, texts[3]),
    parsed(TABLES.latency, texts[4]),
    parsed(TABLES.regions, texts[5]),
    parsed(TABLES.support, texts[6]),
    parsed(TABLES.provisioned, texts[7]),
    parsed(TABLES.throughput, texts[8]),
  ];
  const problems: Diagnostic[] = [
    ...models.problems,
    ...findOverlaps(models.rows, formatKey),
    ...egress.problems,
    ...meteredProblems(egress.rows),
    ...services.problems,
    ...meteredProblems(services.rows),
    ...availability.problems,
    ...latency.problems,
    ...repeatedKeys(latency.rows, (row) => pairKey(...row.between)),
    ...regions.problems,
    ...repeatedKeys(regions.rows, (row) => `${row.cloud}/${row.region}`),
    ...support.problems,
    ...supportProblems(support.rows),
    ...provisioned.problems,
    ...findOverlaps(provisioned.rows, provisionedKey),
    ...throughput.problems,
    ...repeatedKeys(throughput.rows, throughputKey),
    ...[models, egress, services, availability, latency, regions, support, provisioned, throughput].flatMap((table) => checkedProblems(table.rows)),
  ];
  if (problems.length > 0) throw new InputError(problems);
  return { ...identity, models: models.rows, egress: egress.rows, services: services.rows, availability: availability.rows, latency: latency.rows, regions: regions.rows, support: support.rows, provisioned: provisioned.rows, throughput: throughput.rows };
}

/**
 * Several catalog directories, later over earlier (see model/catalog-layers.ts); their hash
 * covers every file of every layer, in order.
 */
export async function loadCatalogs(dirs: readonly { dir: string; shownAs: string }[]): Promise<Catalog> {
  const settled = await Promise.allSettled(dirs.map(({ dir, shownAs }) => loadCatalog(dir, shownAs)));
  const failures = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) {
    const other = failures.find((e) => !(e instanceof InputError));
    if (other !== undefined) throw other;
    throw new InputError(failures.flatMap((e) => (e as InputError).diagnostics));
  }
  const catalogs = settled.map((r) => (r as PromiseFulfilledResult<Catalog>).value);
  return catalogs.length === 1 ? catalogs[0]! : layerCatalogs(catalogs, digest(catalogs.map((c, i) => [String(i), c.sha256] as const)));
}

/** sha256 over names and contents, each length-prefixed so no two lists hash alike. */
function digest(parts: readonly (readonly [string, string])[]): string {
  const hash = createHash('sha256');
  for (const [name, text] of parts) hash.update(`${name.length}:${name}${Buffer.byteLength(text)}:${text}`);
  return hash.digest('hex');
}

/** A table the directory may leave out; any other read failure is still an error. */
async function readOptional(file: string, shownAs: string): Promise<string | undefined> {
  try {
    await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  return readText(file, shownAs, LIMITS.tableBytes);
}

/** A table keyed by a place or a pair of places gives each key once. */
function repeatedKeys<T extends { ref: RowRef }>(rows: readonly T[], keyOf: (row: T) => string): Diagnostic[] {
  const seen = new Map<string, T>();
  return rows.flatMap((row) => {
    const key = keyOf(row);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row);
      return [];
    }
    return [{ file: row.ref.file, line: row.ref.line, message: `${key} is already given at line ${first.ref.line}` }];
  });
}
