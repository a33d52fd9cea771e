/**
 * Reads a catalog directory into a validated Catalog: models.csv (required) and, where present,
 * egress.csv, services.csv, availability.csv and latency.csv. All problems of all files are
 * reported together.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availabilityRowSchema, toAvailability } from '../model/availability.js';
import { findOverlaps, type Catalog } from '../model/catalog.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { latencyRowSchema, pairKey, toLatency, type Latency } from '../model/latency.js';
import { egressRowSchema, meteredProblems, serviceRowSchema, toEgressPrice, toServicePrice } from '../model/metered-price.js';
import { formatKey, modelRowSchema, toModelPrice } from '../model/model-price.js';
import { parseTable, type TableSpec } from './csv-table.js';
import { readText } from './read-text.js';

/** The catalog shipped with cloudtco, found beside the code whether run from src/ or dist/. */
export function bundledCatalogDir(): string {
  return fileURLToPath(new URL('../../pricing-data/', import.meta.url));
}

const SOURCED_OPTIONAL = ['effective_from', 'effective_to', 'note'];

export const TABLES = {
  models: { name: 'models.csv', schema: modelRowSchema, optionalColumns: ['effective_to', 'note'], toRow: toModelPrice },
  egress: { name: 'egress.csv', schema: egressRowSchema, optionalColumns: ['to_region', 'tier_from', 'tier_to', ...SOURCED_OPTIONAL], toRow: toEgressPrice },
  services: { name: 'services.csv', schema: serviceRowSchema, optionalColumns: ['tier_from', 'tier_to', ...SOURCED_OPTIONAL], toRow: toServicePrice },
  availability: { name: 'availability.csv', schema: availabilityRowSchema, optionalColumns: ['available_until', 'note'], toRow: toAvailability },
  latency: { name: 'latency.csv', schema: latencyRowSchema, optionalColumns: ['note'], toRow: toLatency },
} satisfies Record<string, TableSpec<unknown>>;

export async function loadCatalog(dir: string, shownAs: string): Promise<Catalog> {
  const shown = (name: string) => path.join(shownAs, name);
  const read = async <Row>(spec: TableSpec<Row>, required: boolean) => {
    const text = required ? await readText(path.join(dir, spec.name), shown(spec.name)) : await readOptional(path.join(dir, spec.name), shown(spec.name));
    return text === undefined ? { rows: [], problems: [], file: undefined } : { ...parseTable(spec, text, shown(spec.name)), file: shown(spec.name) };
  };
  const [models, egress, services, availability, latency] = await Promise.all([
    read(TABLES.models, true),
    read(TABLES.egress, false),
    read(TABLES.services, false),
    read(TABLES.availability, false),
    read(TABLES.latency, false),
  ]);
  const problems: Diagnostic[] = [
    ...models.problems,
    ...findOverlaps(models.rows, formatKey),
    ...egress.problems,
    ...meteredProblems(egress.rows),
    ...services.problems,
    ...meteredProblems(services.rows),
    ...availability.problems,
    ...latency.problems,
    ...duplicatePairs(latency.rows),
  ];
  if (problems.length > 0) throw new InputError(problems);
  return {
    files: [models, egress, services, availability, latency].flatMap((t) => (t.file === undefined ? [] : [t.file])),
    models: models.rows,
    egress: egress.rows,
    services: services.rows,
    availability: availability.rows,
    latency: latency.rows,
  };
}

/** A table the directory may leave out; any other read failure is still an error. */
async function readOptional(file: string, shownAs: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return readText(file, shownAs);
  }
}

function duplicatePairs(rows: readonly Latency[]): Diagnostic[] {
  const seen = new Map<string, Latency>();
  return rows.flatMap((row) => {
    const key = pairKey(...row.between);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row);
      return [];
    }
    return [{ file: row.ref.file, line: row.ref.line, message: `${key} is already given at line ${first.ref.line}` }];
  });
}
