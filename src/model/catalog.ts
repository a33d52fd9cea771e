/**
 * The pricing catalog: the tables of a catalog directory, every row sourced and dated.
 *
 *   models.csv        token prices (model-price.ts)
 *   egress.csv        data transfer per GB, with volume tiers (metered-price.ts)
 *   services.csv      caches, state stores, storage, agent runtimes, ports (metered-price.ts)
 *   availability.csv  when a model is sold on a cloud, per API kind (availability.ts)
 *   latency.csv       round-trip times between regions (latency.ts)
 *   regions.csv       regions the catalog knows, beyond those its prices name (region.ts)
 *   support.csv       support plans: a share of the month's spend on a cloud (support-price.ts)
 *   provisioned.csv   provisioned throughput units per term; throughput.csv what a unit serves (provisioned.ts)
 *
 * Rows carry a validity window [effective_from, effective_to), empty meaning unbounded, so a
 * price change is a new row rather than an edit, and scenarios that start before it still see
 * the old price.
 */
import * as z from 'zod';
import type { Availability } from './availability.js';
import type { Diagnostic } from './diagnostic.js';
import { groupBy } from './group-by.js';
import { countText, LIMITS } from './limits.js';
import { isoDate, optional, url } from './fields.js';
import type { Latency } from './latency.js';
import type { MeteredPrice } from './metered-price.js';
import type { ModelPrice } from './model-price.js';
import type { KnownRegion } from './region.js';
import type { SupportPrice } from './support-price.js';
import type { ProvisionedPrice, Throughput } from './provisioned.js';
import type { IsoDate } from './period.js';

/** A region column value meaning every region of the cloud, unless exact-region rows exist. */
export const ANY_REGION = '*';

export interface Catalog {
  /** The files it was read from, as shown to the user. */
  files: string[];
  /** sha256 of the files' names and contents, in order: what a result was priced with. */
  sha256: string;
  /** Rows a later catalog replaced (a company's negotiated prices over list prices). */
  overridden: Override[];
  models: ModelPrice[];
  egress: MeteredPrice[];
  services: MeteredPrice[];
  availability: Availability[];
  latency: Latency[];
  regions: KnownRegion[];
  support: SupportPrice[];
  provisioned: ProvisionedPrice[];
  throughput: Throughput[];
}

export const EMPTY_CATALOG: Catalog = { files: [], sha256: '', overridden: [], models: [], egress: [], services: [], availability: [], latency: [], regions: [], support: [], provisioned: [], throughput: [] };

/** A key whose rows in one catalog were replaced by the rows of a later one. */
export interface Override {
  key: string;
  rows: RowRef[];
  by: RowRef[];
}

export interface RowRef {
  file: string;
  line: number;
}

/**
 * Where a row's number comes from, and from when to when it holds. `asOf` is the date the source
 * was read (or the date of the snapshot read); `checked`, the last date someone confirmed the
 * figure still holds without a newer source to cite, the note saying why it does.
 */
export interface Sourced {
  effectiveFrom: IsoDate | undefined;
  effectiveTo: IsoDate | undefined;
  source: string;
  asOf: IsoDate;
  checked?: IsoDate | undefined;
  note: string | undefined;
  ref: RowRef;
}

/** The columns every table ends with: where the figure was read, when, and when last checked. */
export const dateColumns = {
  source: url(),
  as_of: isoDate(),
  checked: optional(isoDate()),
  note: optional(z.string()),
};

export const sourcedColumns = {
  effective_from: optional(isoDate()),
  effective_to: optional(isoDate()),
  ...dateColumns,
};

export function toSourced(
  row: { effective_from?: IsoDate | undefined; effective_to?: IsoDate | undefined; source: string; as_of: IsoDate; checked?: IsoDate | undefined; note?: string | undefined },
  ref: RowRef,
): Sourced {
  return { effectiveFrom: row.effective_from, effectiveTo: row.effective_to, source: row.source, asOf: row.as_of, checked: row.checked, note: row.note, ref };
}

/** The date a row's figure was last known to hold: when it was read, or checked since. */
export function lastConfirmed(row: Pick<Sourced, 'asOf' | 'checked'>): IsoDate {
  return row.checked !== undefined && row.checked > row.asOf ? row.checked : row.asOf;
}

/** A `checked` date says the figure still holds: after the reading, and with a note saying why. */
export function checkedProblems(rows: readonly Pick<Sourced, 'asOf' | 'checked' | 'note' | 'ref'>[]): Diagnostic[] {
  return rows.flatMap((row) => {
    if (row.checked === undefined) return [];
    const at = { file: row.ref.file, line: row.ref.line, path: ['checked'] };
    if (row.checked < row.asOf) return [{ ...at, message: `${row.checked} is before as_of (${row.asOf}); checked is a later date on which the figure was confirmed` }];
    if (row.note === undefined || row.note.trim() === '') return [{ ...at, message: 'a checked row needs a note saying why its figure still holds' }];
    return [];
  });
}

/** effective_to must come after effective_from; reported at effective_to. */
export function windowProblem(row: { effective_from?: IsoDate | undefined; effective_to?: IsoDate | undefined }): string | undefined {
  if (row.effective_from && row.effective_to && row.effective_to <= row.effective_from) {
    return `must be after effective_from (${row.effective_from}), got ${row.effective_to}`;
  }
  return undefined;
}

/** Whether a row holds on a date. */
export function inEffect(row: Pick<Sourced, 'effectiveFrom' | 'effectiveTo'>, date: IsoDate): boolean {
  return (row.effectiveFrom === undefined || row.effectiveFrom <= date) && (row.effectiveTo === undefined || date < row.effectiveTo);
}

/**
 * Two rows for the same key whose windows overlap would make a price ambiguous; each such row
 * is reported at its own line, naming the earlier row it collides with. Sorted by start, a row
 * overlaps an earlier one exactly when some earlier row reaches past its start, so one sweep per
 * key finds them all: O(n log n), where comparing every pair took minutes for 100k rows.
 * A key with more rows than LIMITS.rowsPerKey is reported once, at the first row over.
 */
export function findOverlaps<T extends Sourced>(rows: readonly T[], keyOf: (row: T) => string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [key, group] of groupBy(rows, keyOf)) {
    if (group.length > LIMITS.rowsPerKey) {
      const over = group[LIMITS.rowsPerKey]!;
      problems.push({ file: over.ref.file, line: over.ref.line, message: `${key} has ${countText(group.length)} rows; a key may have at most ${countText(LIMITS.rowsPerKey)} (docs/reliability.md)` });
      continue;
    }
    const sorted = [...group].sort((a, b) => compareText(a.effectiveFrom ?? '', b.effectiveFrom ?? ''));
    // the earlier row that reaches furthest; an open end reaches forever
    let furthest: T | undefined;
    for (const row of sorted) {
      const overlaps = furthest !== undefined && (furthest.effectiveTo === undefined || row.effectiveFrom === undefined || row.effectiveFrom < furthest.effectiveTo);
      if (overlaps) {
        problems.push({
          file: row.ref.file,
          line: row.ref.line,
          path: ['effective_from'],
          message: `${key} is already priced for ${windowText(furthest!)} by line ${furthest!.ref.line}; windows for one key must not overlap`,
        });
      }
      if (furthest === undefined || reachesFurther(row, furthest)) furthest = row;
    }
  }
  return problems;
}

function reachesFurther(row: Sourced, than: Sourced): boolean {
  if (than.effectiveTo === undefined) return false;
  return row.effectiveTo === undefined || row.effectiveTo > than.effectiveTo;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function windowText(row: Pick<Sourced, 'effectiveFrom' | 'effectiveTo'>): string {
  if (row.effectiveFrom === undefined && row.effectiveTo === undefined) return 'all dates';
  if (row.effectiveTo === undefined) return `dates from ${row.effectiveFrom}`;
  if (row.effectiveFrom === undefined) return `dates before ${row.effectiveTo}`;
  return `${row.effectiveFrom} to ${row.effectiveTo}`;
}
