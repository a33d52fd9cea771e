/**
 * Where each workload's model runs, month by month. An option places the model; in months the
 * model is not available there (availability.csv: not launched yet, or retired), the option's
 * fallback placement serves instead, with its own prices and its own network hops.
 *
 * A month counts as available only if the model is available on every day of it: GA on
 * 2026-06-01 makes June available; GA on 2026-06-15 sends all of June to the fallback.
 */
import type { Availability } from '../model/availability.js';
import { formatLocation } from '../model/cloud.js';
import { groupBy } from '../model/group-by.js';
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';
import { addMonths, describeMonths, firstDay, type Period } from '../model/period.js';
import type { ModelPlacement, Option, Workload } from '../model/scenario.js';

export interface MonthPlacement {
  period: Period;
  model: ModelPlacement;
  /** Path of the placement in the scenario, for messages about it. */
  path: PathSegment[];
  fallback: boolean;
}

export type AvailabilityIndex = (placement: ModelPlacement, workload: Workload, period: Period) => { available: boolean; why: string };

export function indexAvailability(rows: readonly Availability[]): AvailabilityIndex {
  const byModel = groupBy(rows, (row) => `${row.cloud} ${row.model}`);
  return (placement, workload, period) => {
    const known = byModel.get(`${placement.cloud} ${workload.model}`);
    if (known === undefined) return { available: true, why: '' };
    const forApi = known.filter((row) => row.api === workload.api);
    const start = firstDay(period);
    const end = firstDay(addMonths(period, 1));
    if (covers(forApi, start, end)) return { available: true, why: '' };
    const windows = forApi.map((row) => `${row.ref.file}:${row.ref.line} has it from ${row.from}${row.until === undefined ? '' : ` until ${row.until}`}`);
    const why = windows.length > 0 ? windows.join('; ') : `the catalog sells it there only as ${[...new Set(known.map((r) => r.api))].join(', ')}`;
    return { available: false, why };
  };
}

/** Whether the rows' windows, joined, cover every day from start to end (exclusive). */
function covers(rows: readonly Availability[], start: string, end: string): boolean {
  let reached = start;
  for (const row of [...rows].sort((a, b) => a.from.localeCompare(b.from))) {
    if (row.from > reached) break;
    if (row.until === undefined) return true;
    if (row.until > reached) reached = row.until;
    if (reached >= end) return true;
  }
  return false;
}

export function monthPlacements(
  option: Option,
  optionIndex: number,
  workload: Workload,
  periods: readonly Period[],
  availability: AvailabilityIndex,
): { months: MonthPlacement[]; problems: Diagnostic[] } {
  const primaryPath = ['options', optionIndex, 'model'];
  const fallbackPath = ['options', optionIndex, 'fallback', 'model'];
  const months: MonthPlacement[] = [];
  const unavailable: { period: Period; why: string; fallback?: string }[] = [];
  for (const period of periods) {
    const primary = availability(option.model, workload, period);
    if (primary.available) {
      months.push({ period, model: option.model, path: primaryPath, fallback: false });
      continue;
    }
    const fallback = option.fallback?.model;
    const backup = fallback === undefined ? undefined : availability(fallback, workload, period);
    if (fallback !== undefined && backup?.available) months.push({ period, model: fallback, path: fallbackPath, fallback: true });
    else unavailable.push({ period, why: primary.why, ...(backup === undefined ? {} : { fallback: backup.why }) });
  }
  const first = unavailable[0];
  if (first === undefined) return { months, problems: [] };
  const what = `${workload.model} (${workload.api} API) for workload "${workload.id}"`;
  const span = `in ${describeMonths(unavailable.map((u) => u.period))}`;
  const problem: Diagnostic =
    first.fallback === undefined
      ? { path: primaryPath, message: `${what} is not available on ${formatLocation(option.model)} ${span} (${first.why}); add a fallback placement for those months` }
      : { path: fallbackPath, message: `${what} is not available on ${formatLocation(option.model)} nor on its fallback ${formatLocation(option.fallback!.model)} ${span} (${first.why}; fallback: ${first.fallback})` };
  return { months, problems: [problem] };
}
